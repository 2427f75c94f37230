namespace Hello.Api.Lib;

/// <summary>
/// The app's data: a small fixed directory of users and their posts. Routes share it through this private file, the way a
/// Next app shares a lib/db module; a real app would put a database client here.
/// </summary>
public static class UserDirectory
{
    private static readonly User[] Users =
    [
        new("1", "Ada Lovelace", "ada@example.com"),
        new("2", "Grace Hopper", "grace@example.com"),
        new("3", "Alan Turing", "alan@example.com"),
    ];

    private static readonly Post[] Posts =
    [
        new("1", "notes-on-the-engine", "Notes on the Analytical Engine", "It weaves algebraic patterns.", ["2024", "notes-on-the-engine"]),
        new("2", "first-bug", "The first actual bug", "A moth, taped into the log book.", ["2024", "first-bug"]),
        new("2", "cobol", "Why COBOL reads like English", "Business people should read code too.", ["2025", "cobol"]),
    ];

    public static IReadOnlyList<User> All => Users;

    public static User? Find(string? id) => Users.FirstOrDefault(u => u.Id == id);

    public static Post? FindPost(string? userId, string? slug) => Posts.FirstOrDefault(p => p.UserId == userId && p.Slug == slug);

    /// <summary>Posts by their date path, e.g. ["2024", "first-bug"]; a prefix such as ["2024"] lists a year.</summary>
    public static IReadOnlyList<Post> ByPath(IReadOnlyList<string> path) =>
        Posts.Where(p => p.Path.Take(path.Count).SequenceEqual(path)).ToList();

    /// <summary>Validates a create request the way an API would: both fields present, a plausible e-mail.</summary>
    public static string? Validate(NewUser? user) => user switch
    {
        null => "Expected a JSON body {\"name\": ..., \"email\": ...}",
        { Name: null or "" } => "name is required",
        { Email: null or "" } => "email is required",
        { Email: var email } when !email.Contains('@') => "email must be an e-mail address",
        _ => null,
    };
}

namespace Hello.Api.Lib;

// The app's user types. They live in a private _lib folder: shared code, not a route.

public sealed record User(string Id, string Name, string Email);

public sealed record NewUser(string? Name, string? Email);

public sealed record UserList(IReadOnlyList<User> Users, int Total);

public sealed record Post(string UserId, string Slug, string Title, string Body, IReadOnlyList<string> Path);

public sealed record DocPage(string Path, string Title, string Body);

public sealed record DocIndex(IReadOnlyList<string> Pages);

public sealed record ApiError(string Error);

public sealed record ApiInfo(string Name, string Version, IReadOnlyList<string> Endpoints);

public sealed record Note(string Id, string Text);

public sealed record NewNote(string? Text);

public sealed record NoteList(IReadOnlyList<Note> Notes);

public sealed record UploadedFile(string Field, string FileName, string ContentType, long Bytes);

public sealed record UploadSummary(string? Title, IReadOnlyList<UploadedFile> Files);

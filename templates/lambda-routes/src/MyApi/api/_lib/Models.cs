namespace MyApi.Api.Lib;

// Shared code lives in folders that start with "_": compiled into every route, never a route itself.

public sealed record Greeting(string Message);

public sealed record Note(string Id, string Text);

public sealed record NewNote(string? Text);

public sealed record NoteList(IReadOnlyList<Note> Notes);

public sealed record FileInfoResult(string Path, IReadOnlyList<string> Segments);

public sealed record ApiError(string Error);

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The output of a batch publish as it arrives (<see cref="BatchPublisher"/>): each line filed under the entry project it names
/// (<see cref="BatchPublisher.ProjectOf"/>) or as unattributed, and each entry's <see cref="BatchPublisher.PublishedMarker"/> line
/// passed on with that entry's lines so far. Fed by one <c>dotnet</c> run's line callback, which calls one line at a time.
/// </summary>
internal sealed class PublishRunLines(IReadOnlyList<EntryProject> entries, Action<EntryProject, IReadOnlyList<string>> published)
{
    private readonly Dictionary<string, EntryProject> _byProject = entries.ToDictionary(e => Path.GetFullPath(e.ProjectPath), StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _lines = new(StringComparer.Ordinal);
    private readonly List<string> _unattributed = [];

    public void Add(string line)
    {
        if (Published(line) is { } entry)
        {
            published(entry, [.. Of(entry)]);
            return;
        }

        if (BatchPublisher.ProjectOf(line) is not { } project)
        {
            _unattributed.Add(line);
        }
        else if (_lines.TryGetValue(project, out var own))
        {
            own.Add(line);
        }
        else
        {
            _lines[project] = [line];
        }
    }

    /// <summary>The lines that named <paramref name="entry"/>'s project.</summary>
    public IReadOnlyList<string> Of(EntryProject entry) =>
        _lines.TryGetValue(Path.GetFullPath(entry.ProjectPath), out var own) ? own : [];

    /// <summary>The lines that named no project: MSBuild's own failures, for instance.</summary>
    public IReadOnlyList<string> Unattributed => _unattributed;

    /// <summary>The entry whose marker this line is; the console logger indents messages.</summary>
    private EntryProject? Published(string line)
    {
        var text = line.Trim();
        return text.StartsWith(BatchPublisher.PublishedMarker, StringComparison.Ordinal)
               && _byProject.TryGetValue(text[BatchPublisher.PublishedMarker.Length..], out var entry)
            ? entry
            : null;
    }
}

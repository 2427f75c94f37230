namespace LambdaRoutes.Contracts.Diagnostics;

/// <summary>The diagnostics a run has accumulated so far; stages add, the pipeline stops between stages when any is an error.</summary>
internal sealed class DiagnosticList
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}

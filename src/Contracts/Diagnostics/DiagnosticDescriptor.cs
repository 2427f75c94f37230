namespace LambdaRoutes.Contracts.Diagnostics;

/// <summary>
/// One entry of <see cref="DiagnosticCatalogue"/>: a stable code, its severity, what it means in one line and the docs
/// section that lists it. The wording of each finding comes from the factory that reports it
/// (<see cref="RouteDiagnostics"/>, <see cref="ConstructDiagnostics"/>), which names what it found.
/// </summary>
/// <param name="Code"><c>LRnnnn</c> (the <c>lambda-routes</c> tool) or <c>LRCnnn</c> (the CDK construct).</param>
/// <param name="Severity">The severity a finding of this code has unless the reporter knows better (LR1101 is an error only for REST).</param>
/// <param name="Summary">What the code means, as the docs' table says it.</param>
/// <param name="Docs">The repository docs page and section that document the code (<c>docs/packager.md#diagnostics</c>).</param>
internal sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Summary, string Docs)
{
    /// <summary>A finding of this code with its own wording, pointing at the given places.</summary>
    public Diagnostic Create(string message, params SourceLocation[] locations) => new(Code, Severity, message, locations);

    /// <summary>A finding whose severity depends on context (a warning that is an error in a stricter setting).</summary>
    public Diagnostic Create(DiagnosticSeverity severity, string message, params SourceLocation[] locations) => new(Code, severity, message, locations);
}

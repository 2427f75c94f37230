namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// What planning decided: each route's build (entry project, input hash, cached or queued and why), and the app analysis the
/// hashes came from, kept so the later stages (the compile check, a shard's description) do not analyse the app again.
/// </summary>
internal sealed record BuildPlan(InputHasher Inputs, IReadOnlyList<RouteBuild> Routes);

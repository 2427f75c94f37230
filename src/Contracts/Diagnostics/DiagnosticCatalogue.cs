namespace LambdaRoutes.Contracts.Diagnostics;

/// <summary>
/// Every diagnostic code of LambdaRoutes, once: <c>LRnnnn</c> from the <c>lambda-routes</c> tool (docs/packager.md,
/// "Diagnostics") and <c>LRCnnn</c> from the CDK construct (docs/deploy.md, "Synth-time errors"). A code keeps its number
/// for good: users and CI logs match on it. Tests prove no code is listed twice, every code the sources write is listed
/// here, and every code listed here is in the docs section it names.
/// </summary>
internal static class DiagnosticCatalogue
{
    private const string Packager = "docs/packager.md#diagnostics";
    private const string Construct = "docs/deploy.md#synth-time-errors";

    private static DiagnosticDescriptor Error(string code, string summary, string docs) => new(code, DiagnosticSeverity.Error, summary, docs);

    private static DiagnosticDescriptor Warning(string code, string summary, string docs) => new(code, DiagnosticSeverity.Warning, summary, docs);

    // LR0xxx: the app folder itself.
    public static readonly DiagnosticDescriptor AppFolderMissing = Error("LR0001", "The app folder does not exist.", Packager);
    public static readonly DiagnosticDescriptor ApiFolderMissing = Error("LR0002", "The app folder has no api/ folder.", Packager);
    public static readonly DiagnosticDescriptor NoRoutes = Error("LR0003", "The api/ folder holds no route files.", Packager);
    public static readonly DiagnosticDescriptor NoProjectFile = Error("LR0004", "The app folder has no .csproj file.", Packager);
    public static readonly DiagnosticDescriptor SeveralProjectFiles = Error("LR0005", "The app folder has several .csproj files.", Packager);
    public static readonly DiagnosticDescriptor SymlinkLoop = Error("LR0006", "A folder link under api/ points to its own folder or above.", Packager);
    public static readonly DiagnosticDescriptor NameNotUtf8 = Error("LR0007", "A file or folder name is not valid UTF-8.", Packager);
    public static readonly DiagnosticDescriptor UnreadableRouteFile = Error("LR0008", "A route file cannot be read.", Packager);

    // LR1xxx: Next.js's file-name and route-tree rules.
    public static readonly DiagnosticDescriptor DifferentSlugNames = Error("LR1001", "Different slug names for one dynamic path.", Packager);
    public static readonly DiagnosticDescriptor RepeatedSlug = Error("LR1002", "One slug name repeats within a dynamic path.", Packager);
    public static readonly DiagnosticDescriptor SlugsDifferOnlyBySymbols = Error("LR1003", "Slug names differ only by non-word symbols.", Packager);
    public static readonly DiagnosticDescriptor CatchAllNotLast = Error("LR1004", "A catch-all is not the last segment.", Packager);
    public static readonly DiagnosticDescriptor ErroneousPeriods = Error("LR1005", "A segment name starts with erroneous periods.", Packager);
    public static readonly DiagnosticDescriptor ExtraBrackets = Error("LR1006", "A segment name starts or ends with extra brackets.", Packager);
    public static readonly DiagnosticDescriptor OptionalParameter = Error("LR1007", "An optional route parameter that is not a catch-all.", Packager);
    public static readonly DiagnosticDescriptor RequiredAndOptionalCatchAll = Error("LR1008", "A required and an optional catch-all at one level.", Packager);
    public static readonly DiagnosticDescriptor SameSpecificityAsOptionalCatchAll = Error("LR1009", "A route with the specificity of an optional catch-all.", Packager);
    public static readonly DiagnosticDescriptor ThreeDotCharacter = Error("LR1010", "A three-dot character instead of '...'.", Packager);
    public static readonly DiagnosticDescriptor DuplicateRoute = Error("LR1011", "Two files resolve to one route.", Packager);
    public static readonly DiagnosticDescriptor EmptySegmentName = Error("LR1012", "An empty segment name.", Packager);
    public static readonly DiagnosticDescriptor InvalidPathSegment = Error("LR1013", "A name that cannot be a URL path segment.", Packager);

    // LR11xx: API Gateway's own rules.
    public static readonly DiagnosticDescriptor RestVariableSiblings = Warning("LR1101", "A variable beside a greedy sibling (an error for a REST API).", Packager);

    // LR2xxx: reading route files with Roslyn.
    public static readonly DiagnosticDescriptor NoRouteType = Error("LR2001", "A route file with no public route type.", Packager);
    public static readonly DiagnosticDescriptor SeveralRouteTypes = Error("LR2002", "A route file with several public route types.", Packager);
    public static readonly DiagnosticDescriptor RouteTypeNotConstructible = Error("LR2003", "A route type that cannot be constructed.", Packager);
    public static readonly DiagnosticDescriptor SettingNotLiteral = Error("LR2004", "A [RouteConfig] setting that is not a literal.", Packager);
    public static readonly DiagnosticDescriptor SettingOutOfRange = Error("LR2005", "A [RouteConfig] setting out of range.", Packager);
    public static readonly DiagnosticDescriptor RouteFileSyntaxError = Error("LR2006", "A C# syntax error in a route file.", Packager);
    public static readonly DiagnosticDescriptor SeveralJsonContexts = Error("LR2007", "Several JsonSerializerContext classes and none picked.", Packager);
    public static readonly DiagnosticDescriptor UnknownSetting = Error("LR2008", "An unknown [RouteConfig] setting or one of the wrong type.", Packager);
    public static readonly DiagnosticDescriptor VerbSignature = Error("LR2009", "A verb method of a signature VerbRoute.Map cannot take.", Packager);
    public static readonly DiagnosticDescriptor AuthorizerTypeMisplaced = Error("LR2010", "An ILambdaAuthorizer under api/, or an authorizers/ file without one.", Packager);
    public static readonly DiagnosticDescriptor InvalidAuthorizerFileName = Error("LR2011", "An authorizer file name that is not a valid authorizer name.", Packager);

    // LR3xxx: building (LR30xx the AOT toolchain, LR31xx locks and the artifact cache, LR32xx assembling shards).
    public static readonly DiagnosticDescriptor GlibcTooNew = Error("LR3002", "A bootstrap needs a newer glibc than Amazon Linux 2023 has.", Packager);
    public static readonly DiagnosticDescriptor GlibcUnchecked = Warning("LR3003", "A bootstrap's glibc needs cannot be checked (objdump missing).", Packager);
    public static readonly DiagnosticDescriptor AotPackagesMissing = Error("LR3004", "The NuGet sources do not serve the Native AOT packages a target needs.", Packager);
    public static readonly DiagnosticDescriptor CrossToolchainMissing = Error("LR3005", "A cross build whose toolchain is missing.", Packager);
    public static readonly DiagnosticDescriptor SingleModeMixedArchitectures = Error("LR3006", "--mode single over routes of different architectures.", Packager);
    public static readonly DiagnosticDescriptor ShardOfSingleMode = Error("LR3007", "--shard with --mode single.", Packager);
    public static readonly DiagnosticDescriptor LockFileUnavailable = Error("LR3101", "A build lock file cannot be created.", Packager);
    public static readonly DiagnosticDescriptor CacheEntryNotWhole = Warning("LR3102", "An artifact cache entry that is not whole; the route is built.", Packager);
    public static readonly DiagnosticDescriptor CacheUnavailable = Warning("LR3103", "The artifact cache cannot be used; the build goes on without it.", Packager);
    public static readonly DiagnosticDescriptor NotAShardOutput = Error("LR3201", "A folder given to assemble is not a shard output.", Packager);
    public static readonly DiagnosticDescriptor ShardsOfOtherInputs = Error("LR3202", "Shards built from different inputs.", Packager);
    public static readonly DiagnosticDescriptor ShardsSplitDifferently = Error("LR3203", "Shards that split the app differently, a share twice or missing.", Packager);
    public static readonly DiagnosticDescriptor ShardRoutesMismatch = Error("LR3204", "A route in two shard outputs, in none, or not in the app.", Packager);
    public static readonly DiagnosticDescriptor ShardArtifactMismatch = Error("LR3205", "A shard's bootstrap or zip missing or not the one it recorded.", Packager);
    public static readonly DiagnosticDescriptor ShardAppProjectMissing = Error("LR3206", "The app project the shards were built from is not on this machine.", Packager);

    // LRC1xx: the manifest and the construct's options.
    public static readonly DiagnosticDescriptor ManifestUnreadable = Error("LRC100", "The manifest is missing, unreadable or not JSON.", Construct);
    public static readonly DiagnosticDescriptor UnsupportedSchema = Error("LRC101", "The manifest's schemaVersion is not one this construct reads.", Construct);
    public static readonly DiagnosticDescriptor UnsupportedArchitecture = Error("LRC102", "An architecture that is not x86_64 or arm64.", Construct);
    public static readonly DiagnosticDescriptor UnsupportedRuntime = Error("LRC103", "A runtime that is not provided.al2023.", Construct);
    public static readonly DiagnosticDescriptor ManifestHasNoRoutes = Error("LRC104", "The manifest lists no routes.", Construct);
    public static readonly DiagnosticDescriptor UnknownRoute = Error("LRC105", "An option names a route the manifest does not have.", Construct);
    public static readonly DiagnosticDescriptor InvalidDeploymentSetting = Error("LRC106", "A deployment setting Lambda or API Gateway rejects.", Construct);
    public static readonly DiagnosticDescriptor SettingNotForApiKind = Error("LRC107", "A deployment setting of the other API kind.", Construct);
    public static readonly DiagnosticDescriptor MissingField = Error("LRC110", "A route entry lacks a required field, or is of a kind the construct does not deploy.", Construct);
    public static readonly DiagnosticDescriptor InvalidId = Error("LRC111", "A route id that cannot name a construct.", Construct);
    public static readonly DiagnosticDescriptor DuplicateId = Error("LRC112", "Two routes share an id.", Construct);
    public static readonly DiagnosticDescriptor InvalidMethod = Error("LRC113", "A method API Gateway does not know.", Construct);
    public static readonly DiagnosticDescriptor InvalidMemorySize = Error("LRC114", "A memory size outside Lambda's 128-10240 MB.", Construct);
    public static readonly DiagnosticDescriptor InvalidTimeout = Error("LRC115", "A timeout outside Lambda's 1-900 s.", Construct);
    public static readonly DiagnosticDescriptor MissingArtifact = Error("LRC116", "A route's artifact folder or executable bootstrap is missing.", Construct);

    // LRC2xx: the API Gateway path tree.
    public static readonly DiagnosticDescriptor InvalidPath = Error("LRC200", "A malformed API Gateway path.", Construct);
    public static readonly DiagnosticDescriptor GreedyNotLast = Error("LRC201", "A greedy {proxy+} segment that is not the last.", Construct);
    public static readonly DiagnosticDescriptor ConflictingVariableNames = Error("LRC202", "Variables at one tree level with different names.", Construct);
    public static readonly DiagnosticDescriptor RestSecondVariableChild = Error("LRC203", "A REST API resource that would need two variable children.", Construct);
    public static readonly DiagnosticDescriptor DuplicateRouteKey = Error("LRC204", "Two routes claim one method on one path.", Construct);

    // LRC3xx: running the packager; LRC4xx: authorizers.
    public static readonly DiagnosticDescriptor PackagerFailed = Error("LRC300", "The packager could not start, failed, or wrote no manifest.", Construct);
    public static readonly DiagnosticDescriptor UnknownAuthorizer = Error("LRC400", "A route or DefaultAuthorizer names an authorizer that is not declared.", Construct);
    public static readonly DiagnosticDescriptor AuthorizerNotForApiKind = Error("LRC401", "An authorizer kind the API kind does not have.", Construct);
    public static readonly DiagnosticDescriptor ScopesNeedJwt = Error("LRC402", "Scopes on a route whose authorizer is not a JWT or Cognito one.", Construct);
    public static readonly DiagnosticDescriptor AuthorizerFunctionMissing = Error("LRC403", "A Lambda authorizer with no Handler and no authorizers/<name>.cs in the app.", Construct);

    /// <summary>The whole catalogue, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        AppFolderMissing, ApiFolderMissing, NoRoutes, NoProjectFile, SeveralProjectFiles, SymlinkLoop, NameNotUtf8, UnreadableRouteFile,
        DifferentSlugNames, RepeatedSlug, SlugsDifferOnlyBySymbols, CatchAllNotLast, ErroneousPeriods, ExtraBrackets, OptionalParameter,
        RequiredAndOptionalCatchAll, SameSpecificityAsOptionalCatchAll, ThreeDotCharacter, DuplicateRoute, EmptySegmentName, InvalidPathSegment,
        RestVariableSiblings,
        NoRouteType, SeveralRouteTypes, RouteTypeNotConstructible, SettingNotLiteral, SettingOutOfRange, RouteFileSyntaxError, SeveralJsonContexts,
        UnknownSetting, VerbSignature, AuthorizerTypeMisplaced, InvalidAuthorizerFileName,
        GlibcTooNew, GlibcUnchecked, AotPackagesMissing, CrossToolchainMissing, SingleModeMixedArchitectures, ShardOfSingleMode,
        LockFileUnavailable, CacheEntryNotWhole, CacheUnavailable,
        NotAShardOutput, ShardsOfOtherInputs, ShardsSplitDifferently, ShardRoutesMismatch, ShardArtifactMismatch, ShardAppProjectMissing,
        ManifestUnreadable, UnsupportedSchema, UnsupportedArchitecture, UnsupportedRuntime, ManifestHasNoRoutes, UnknownRoute,
        InvalidDeploymentSetting, SettingNotForApiKind,
        MissingField, InvalidId, DuplicateId, InvalidMethod, InvalidMemorySize, InvalidTimeout, MissingArtifact,
        InvalidPath, GreedyNotLast, ConflictingVariableNames, RestSecondVariableChild, DuplicateRouteKey,
        PackagerFailed, UnknownAuthorizer, AuthorizerNotForApiKind, ScopesNeedJwt, AuthorizerFunctionMissing,
    ];
}

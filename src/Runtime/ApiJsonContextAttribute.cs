namespace LambdaRoutes;

/// <summary>
/// Picks the app's JSON context when the app declares several <c>JsonSerializerContext</c> classes
/// (docs/architecture.md): <c>[assembly: LambdaRoutes.ApiJsonContext(typeof(AppJson))]</c>. The packager reads it from
/// source and passes <c>AppJson.Default</c> to <see cref="LambdaHost"/>; it is never read by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ApiJsonContextAttribute : Attribute
{
    /// <summary>Names the context type.</summary>
    public ApiJsonContextAttribute(Type contextType) => ContextType = contextType;

    /// <summary>The <c>JsonSerializerContext</c>-derived type routes use.</summary>
    public Type ContextType { get; }
}

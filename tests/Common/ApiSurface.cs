using System.Reflection;
using System.Text;

namespace LambdaRoutes.Tests;

/// <summary>
/// An assembly's public surface as text, one line per type and per member a user can call, override or see, sorted,
/// for golden files that make every change to a package's API a deliberate, reviewed diff. Types are written with C#
/// keywords for the common primitives and without namespaces for generic arguments' assemblies, so the text reads
/// like the code it describes.
/// </summary>
internal static class ApiSurface
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                          BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeLine(type)).Append('\n');
            foreach (var member in Members(type).Order(StringComparer.Ordinal)) text.Append("  ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Fails, with the lines that differ, when <paramref name="assembly"/>'s surface is not the one in <paramref name="golden"/>;
    /// the new surface is then written to <c>&lt;assembly&gt;.received.txt</c> in the test output folder, to review and copy
    /// over the golden file to accept it.
    /// </summary>
    public static void AssertMatchesGolden(Assembly assembly, string golden)
    {
        var name = assembly.GetName().Name;
        var expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        var actual = Describe(assembly);

        if (expected != actual)
        {
            var received = Path.Combine(AppContext.BaseDirectory, name + ".received.txt");
            File.WriteAllText(received, actual);
            Assert.Fail($"The public API of {name} changed (new surface in {received}; copy it over {golden} to accept):\n" +
                        Diff(expected, actual));
        }
    }

    /// <summary>The lines that differ: <c>- </c> for a line only in <paramref name="expected"/>, <c>+ </c> for one only in <paramref name="actual"/>.</summary>
    public static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var after = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', before.Except(after).Select(l => "- " + l).Concat(after.Except(before).Select(l => "+ " + l)));
    }

    private static string TypeLine(Type type)
    {
        var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : type is { IsAbstract: true, IsSealed: true } ? "static class"
            : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        var bases = new List<string>();
        if (kind is "enum" or "delegate" or "struct") return $"{kind} {Name(type, qualified: true)}";
        if (type.BaseType is { } b && b != typeof(object)) bases.Add(Name(b));
        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type, qualified: true)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            yield break;
        }

        foreach (var member in type.GetMembers(Declared))
        {
            switch (member)
            {
                case ConstructorInfo c when Visible(c):
                    yield return $"{Access(c)}ctor({Parameters(c)})";
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal) && Visible(m):
                    var generic = m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";
                    yield return $"{Access(m)}{Modifiers(m)}{Name(m.ReturnType, Nullability.Create(m.ReturnParameter))} {m.Name}{generic}({Parameters(m)})";
                    break;
                case PropertyInfo p:
                    var accessors = new[] { ("get", p.GetMethod), ("set", p.SetMethod) }
                        .Where(a => a.Item2 is { } x && Visible(x))
                        .Select(a => a.Item1 == "set" && IsInitOnly(a.Item2!) ? "init;" : a.Item1 + ";").ToList();
                    if (accessors.Count == 0) break;
                    var any = (p.GetMethod is { } g && Visible(g) ? g : p.SetMethod)!;
                    var index = p.GetIndexParameters() is { Length: > 0 } ip ? "this[" + string.Join(", ", ip.Select(x => $"{Name(x.ParameterType)} {x.Name}")) + "]" : p.Name;
                    yield return $"{Access(any)}{Modifiers(any)}{Name(p.PropertyType, Nullability.Create(p))} {index} {{ {string.Join(' ', accessors)} }}";
                    break;
                case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                    var constant = f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : "";
                    yield return $"{(f.IsFamily ? "protected " : "")}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType, Nullability.Create(f))} {f.Name}{constant}";
                    break;
                case EventInfo e when e.AddMethod is { } add && Visible(add):
                    yield return $"{Access(add)}event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
                case Type nested when nested.IsNestedPublic:
                    break; // listed as a type of its own
            }
        }
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? "" : "protected ";

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static " : m.DeclaringType!.IsInterface ? "" : m.IsAbstract ? "abstract " :
        m.IsVirtual && !m.IsFinal ? (m.GetBaseDefinition() == m ? "virtual " : "override ") : "";

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p =>
    {
        var prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "";
        var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
        return $"{prefix}{Name(type, Nullability.Create(p))} {p.Name}" + (p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : "");
    }));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(int)] = "int", [typeof(long)] = "long", [typeof(double)] = "double",
        [typeof(char)] = "char", [typeof(decimal)] = "decimal", [typeof(float)] = "float", [typeof(short)] = "short",
    };

    private static readonly NullabilityInfoContext Nullability = new();

    private static string Name(Type type) => Name(type, qualified: false);

    /// <summary>The type with its nullable reference annotations (<c>string?</c>, <c>List&lt;string?&gt;</c>): they are part of the contract.</summary>
    private static string Name(Type type, NullabilityInfo nullability)
    {
        if (type.IsByRef) type = type.GetElementType()!;
        string name;
        if (type.IsArray && nullability.ElementType is { } element)
            name = Name(type.GetElementType()!, element) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        else if (type.IsGenericType && Nullable.GetUnderlyingType(type) is null && nullability.GenericTypeArguments.Length == type.GetGenericArguments().Length)
        {
            name = Name(type.GetGenericTypeDefinition());
            name = name[..name.IndexOf('<', StringComparison.Ordinal)] + "<" +
                   string.Join(", ", type.GetGenericArguments().Zip(nullability.GenericTypeArguments, Name)) + ">";
        }
        else name = Name(type);
        return !type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Name(Type type, bool qualified)
    {
        if (Keywords.TryGetValue(type, out var keyword)) return keyword;
        if (type.IsGenericParameter) return type.Name;
        if (type.IsArray) return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (Nullable.GetUnderlyingType(type) is { } inner) return Name(inner) + "?";
        var name = type.IsNested ? Name(type.DeclaringType!, qualified) + "." + type.Name : qualified ? type.FullName ?? type.Name : type.Name;
        if (type.IsGenericType && name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0)
            name = name[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        return name;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Content hashes that decide whether a route must be rebuilt (docs/packager.md: an unchanged route is never rebuilt).
/// A route's hash covers:
///   - its own route file;
///   - every other file that feeds the app's compilation except the other route files (shared code such as api/_lib,
///     project and MSBuild files): any of them may reach into any route, so a change there rebuilds every route;
///   - the projects the app references (the runtime), transitively, by content;
///   - the generated entry project (route, settings, JSON context, framework, RID) and the packager version.
/// Route files are assumed not to depend on each other (shared code belongs in _private files), which is what lets a
/// change to one route rebuild that route only. Paths enter the hash relative, so a moved app keeps its hashes.
/// </summary>
internal static class InputHasher
{
    public static string SharedHash(RouteTable table)
    {
        var routeFiles = table.Routes.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddString(hash, typeof(InputHasher).Assembly.GetName().Version?.ToString() ?? "");
        foreach (var file in AppSources.Enumerate(table.AppDir).Where(f => !routeFiles.Contains(f)))
        {
            AddFile(hash, table.AppDir, file);
        }

        foreach (var project in ReferencedProjectDirs(table))
        {
            AddString(hash, "reference:" + Path.GetFileName(project));
            foreach (var file in AppSources.Enumerate(project))
            {
                AddFile(hash, project, file);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string RouteHash(string sharedHash, RouteTable table, RouteEntry route, EntryProject entry)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddString(hash, sharedHash);
        AddFile(hash, table.AppDir, route.File);
        AddString(hash, entry.ProgramText);
        AddString(hash, entry.ProjectText);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Single-binary mode: every route file and the one combined entry project feed every route's binary.</summary>
    public static string CombinedHash(string sharedHash, RouteTable table, EntryProject combined)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddString(hash, sharedHash);
        foreach (var route in table.Routes)
        {
            AddFile(hash, table.AppDir, route.File);
        }

        AddString(hash, combined.ProgramText);
        AddString(hash, combined.ProjectText);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The folders of projects the app references, followed transitively through their own ProjectReference items.</summary>
    public static IReadOnlyList<string> ReferencedProjectDirs(RouteTable table)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (table.AppProject is not null)
        {
            pending.Push(Path.Combine(table.AppDir, table.AppProject));
        }

        while (pending.TryPop(out var projectPath))
        {
            if (!File.Exists(projectPath))
            {
                continue;
            }

            foreach (var include in XDocument.Load(projectPath).Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>())
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, include.Replace('\\', '/')));
                if (seen.Add(Path.GetDirectoryName(referenced)!))
                {
                    pending.Push(referenced);
                }
            }
        }

        return [.. seen];
    }

    private static void AddFile(IncrementalHash hash, string root, string relative)
    {
        AddString(hash, relative);
        try
        {
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, relative)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A shared source that cannot be read (a broken symbolic link under api/_lib, no permission) is not the
            // hasher's to report: the app compile that follows names the file precisely (CS2001). Hash the fact, so the
            // route rebuilds once the file is back.
            AddString(hash, "unreadable");
        }
    }

    private static void AddString(IncrementalHash hash, string value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(value));
        hash.AppendData([0]);
    }
}

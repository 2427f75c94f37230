using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The app files one source file uses directly (<see cref="SourceClosure"/>): for every node, what the semantic model says
/// it binds to — symbol, candidates, type, converted type, user-defined conversion and the members the compiler calls
/// implicitly — mapped to the files that declare it. A symbol brings its containing types and, for a generic, its type
/// arguments; a type brings every one of its partial declarations.
/// </summary>
internal sealed class FileUses(SemanticModel model, DeclaredNameIndex declarations)
{
    private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);
    private readonly SortedSet<string> _files = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Collect(CompilationUnitSyntax root)
    {
        foreach (var node in root.DescendantNodes())
        {
            Visit(node);
        }

        _files.Remove(root.SyntaxTree.FilePath);
        return _files;
    }

    private void Visit(SyntaxNode node)
    {
        if (node is ExpressionSyntax or AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax or CrefSyntax or OrderingSyntax or SelectOrGroupClauseSyntax)
        {
            var info = model.GetSymbolInfo(node);
            Reach(info.Symbol);
            foreach (var candidate in info.CandidateSymbols)
            {
                Reach(candidate);
            }

            if (info.Symbol is null && info.CandidateSymbols.IsEmpty && node is SimpleNameSyntax or AttributeSyntax)
            {
                ReachByName(node);
            }
        }

        if (node is ExpressionSyntax expression)
        {
            var type = model.GetTypeInfo(expression);
            Reach(type.Type);
            Reach(type.ConvertedType);
            Reach(model.GetConversion(expression).MethodSymbol);
        }

        switch (node)
        {
            case CommonForEachStatementSyntax forEach:
                var loop = model.GetForEachStatementInfo(forEach);
                Reach(loop.GetEnumeratorMethod);
                Reach(loop.MoveNextMethod);
                Reach(loop.CurrentProperty);
                Reach(loop.DisposeMethod);
                Reach(loop.ElementConversion.MethodSymbol);
                if (forEach is ForEachVariableStatementSyntax deconstructing)
                {
                    Reach(model.GetDeconstructionInfo(deconstructing));
                }

                break;
            case AwaitExpressionSyntax awaitExpression:
                var awaiting = model.GetAwaitExpressionInfo(awaitExpression);
                Reach(awaiting.GetAwaiterMethod);
                Reach(awaiting.IsCompletedProperty);
                Reach(awaiting.GetResultMethod);
                break;
            case AssignmentExpressionSyntax assignment when assignment.Left is TupleExpressionSyntax or DeclarationExpressionSyntax:
                Reach(model.GetDeconstructionInfo(assignment));
                break;
            case QueryClauseSyntax clause:
                var query = model.GetQueryClauseInfo(clause);
                Reach(query.CastInfo.Symbol);
                Reach(query.OperationInfo.Symbol);
                break;
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } collection:
                foreach (var element in collection.Expressions)
                {
                    Reach(model.GetCollectionInitializerSymbolInfo(element).Symbol);
                }

                break;
        }
    }

    private void Reach(DeconstructionInfo info)
    {
        Reach(info.Method);
        Reach(info.Conversion?.MethodSymbol);
        foreach (var nested in info.Nested)
        {
            Reach(nested);
        }
    }

    /// <summary>A name the compilation cannot bind may mean any app declaration of that name (an attribute, also Name + "Attribute").</summary>
    private void ReachByName(SyntaxNode node)
    {
        var name = node switch
        {
            AttributeSyntax a => SourceClosure.SimpleName(a.Name),
            SimpleNameSyntax s => s.Identifier.Text,
            _ => null,
        };
        if (name is null)
        {
            return;
        }

        _files.UnionWith(declarations.FilesDeclaring(name));
        if (node is AttributeSyntax || node.Parent is AttributeSyntax || node.Parent?.Parent is AttributeSyntax)
        {
            _files.UnionWith(declarations.FilesDeclaring(name + "Attribute"));
        }
    }

    private void Reach(ISymbol? symbol)
    {
        if (symbol is null or INamespaceSymbol || !_seen.Add(symbol))
        {
            return;
        }

        switch (symbol)
        {
            case IAliasSymbol alias:
                Reach(alias.Target);
                return;
            case IArrayTypeSymbol array:
                Reach(array.ElementType);
                return;
            case IPointerTypeSymbol pointer:
                Reach(pointer.PointedAtType);
                return;
            case IFunctionPointerTypeSymbol function:
                Reach(function.Signature);
                return;
            case INamedTypeSymbol type:
                Reach(type.OriginalDefinition);
                foreach (var argument in type.TypeArguments)
                {
                    Reach(argument);
                }

                break;
            case IMethodSymbol method:
                Reach(method.ReducedFrom);
                Reach(method.OriginalDefinition);
                Reach(method.PartialDefinitionPart);
                Reach(method.PartialImplementationPart);
                Reach(method.ReturnType);
                foreach (var argument in method.TypeArguments)
                {
                    Reach(argument);
                }

                break;
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                Reach(symbol.OriginalDefinition);
                Reach(symbol switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, IEventSymbol e => e.Type, _ => null });
                break;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree.FilePath != AppAnalysisCompilation.UsingsTreePath)
            {
                _files.Add(reference.SyntaxTree.FilePath);
            }
        }

        Reach(symbol.ContainingType);
    }
}

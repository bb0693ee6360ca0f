using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace Leerlingzorg.Web.Infrastructure.Persistence;

/// <summary>
/// A query part written once as an expression with parameters (<see cref="Deel{TDelegate}"/>), usable both ways: called
/// as a method in an ordinary query, and inlined into a compiled query (<see cref="In{T}"/>), where a method call
/// cannot be translated and a captured closure would fix the shape. Compiled queries skip EF Core's per-call expression
/// work (parameter extraction, cache lookup), the bulk of its overhead on a hot page.
/// </summary>
public static class Inline
{
    /// <summary>The expression of a query part and its compiled delegate (which builds the part for an ordinary query).</summary>
    public sealed class Deel<TDelegate>(Expression<TDelegate> expressie) where TDelegate : Delegate
    {
        public Expression<TDelegate> Expressie { get; } = expressie;

        public TDelegate Roep { get; } = expressie.Compile();
    }

    /// <summary>
    /// <paramref name="query"/> with each call <c>deel.Roep(args)</c> replaced by the part's expression over the args,
    /// recursively: the form <see cref="Microsoft.EntityFrameworkCore.EF.CompileAsyncQuery{TContext, TResult}(Expression{Func{TContext, TResult}})"/> needs.
    /// </summary>
    public static Expression<T> In<T>(Expression<T> query) => (Expression<T>)new Inliner().Visit(query);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitInvocation(InvocationExpression node)
        {
            if (Deel(node.Expression) is { } lambda)
            {
                return Visit(ReplacingExpressionVisitor.Replace([.. lambda.Parameters], [.. node.Arguments], lambda.Body));
            }
            return base.VisitInvocation(node);
        }

        /// <summary>The lambda of <c>x.Roep</c> when x is a <see cref="Deel{TDelegate}"/> held by a static field or a closure.</summary>
        private static LambdaExpression? Deel(Expression expression)
        {
            if (expression is not MemberExpression { Member: PropertyInfo { Name: nameof(Deel<Action>.Roep) } roep } member
                || roep.DeclaringType is not { IsGenericType: true } type || type.GetGenericTypeDefinition() != typeof(Deel<>))
            {
                return null;
            }
            var deel = Expression.Lambda<Func<object?>>(Expression.Convert(member.Expression!, typeof(object))).Compile()();
            return (LambdaExpression?)type.GetProperty(nameof(Deel<Action>.Expressie))!.GetValue(deel);
        }
    }
}

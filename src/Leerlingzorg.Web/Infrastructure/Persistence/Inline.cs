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

    /// <summary>
    /// An ordinary query with the parts called inside its lambdas inlined (a scalar part such as <see cref="Namen{TEnum}"/>,
    /// which EF Core cannot translate as a call); parts that build a query need no inlining there.
    /// </summary>
    public static IQueryable<T> Ingevoegd<T>(this IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider.CreateQuery<T>(new Inliner().Visit(query.Expression));
    }

    /// <summary>
    /// <c>waarde => waarde == A ? naam(A) : waarde == B ? naam(B) : …</c> over every value of the enum: a name written once
    /// (in the Domain) that the database computes, so that a UNION or a paged list can carry it.
    /// </summary>
    public static Expression<Func<TEnum, string>> Namen<TEnum>(Func<TEnum, string> naam) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(naam);
        var waarde = Expression.Parameter(typeof(TEnum), "waarde");
        var onderliggend = Enum.GetUnderlyingType(typeof(TEnum));
        var waarden = Enum.GetValues<TEnum>();
        Expression body = Expression.Constant(naam(waarden[^1]));
        foreach (var w in waarden[..^1].Reverse())
        {
            // The shape the C# compiler gives "x.Doel == ToestemmingDoel.A".
            var gelijk = Expression.Equal(Expression.Convert(waarde, onderliggend), Expression.Constant(Convert.ChangeType(w, onderliggend, System.Globalization.CultureInfo.InvariantCulture)));
            body = Expression.Condition(gelijk, Expression.Constant(naam(w)), body);
        }
        return Expression.Lambda<Func<TEnum, string>>(body, waarde);
    }

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
            var deel = member.Expression is MemberExpression { Expression: null, Member: FieldInfo veld }
                ? veld.GetValue(null)
                : Expression.Lambda<Func<object?>>(Expression.Convert(member.Expression!, typeof(object))).Compile()();
            return (LambdaExpression?)type.GetProperty(nameof(Deel<Action>.Expressie))!.GetValue(deel);
        }
    }
}

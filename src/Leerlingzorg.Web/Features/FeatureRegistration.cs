namespace Leerlingzorg.Web.Features;

public static class FeatureRegistration
{
    /// <summary>
    /// Every use case's handler (a class in a feature folder whose name ends in "Handler") is a scoped
    /// service, so that it shares the circuit's <see cref="Infrastructure.Tenancy.CurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: not null }
                        && t.Namespace.StartsWith("Leerlingzorg.Web.Features", StringComparison.Ordinal)
                        && t.Name.EndsWith("Handler", StringComparison.Ordinal));
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }
        // The circuit's notice that a student's pass changed (header and pass card listen).
        services.AddScoped<Ondersteuningspassen.Paswijzigingen>();
        // The parent portal's language (NL/EN) for this user.
        services.AddScoped<Ouderportaal.Portaaltaal>();
        return services;
    }
}

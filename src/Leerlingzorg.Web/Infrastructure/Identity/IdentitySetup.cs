using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Leerlingzorg.Web.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// How often open sessions refresh their claims (roles) and circuits revalidate their stamp. A changed stamp or a
    /// deactivation is refused on the very next request (<see cref="Sessies"/>), and deactivation signs this server's
    /// circuits out at once (<see cref="OpenCircuits"/>).
    /// </summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(5);

    public static void AddLeerlingzorgIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<OpenCircuits>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<Gebruiker>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length over composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LeerlingzorgDbContext>()
            .AddSignInManager<GebruikerSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<GebruikerClaimsPrincipalFactory>()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddPasswordValidator<WachtwoordBeleid>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "Leerlingzorg.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // A school day; sliding, so that a mentor is not signed out between two lessons.
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = Sessies.ValidatePrincipalAsync;
        });
        services.AddOutboxEmailSender();
    }
}

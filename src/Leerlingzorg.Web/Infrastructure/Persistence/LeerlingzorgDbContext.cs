using System.Linq.Expressions;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.Persistence;

public sealed class LeerlingzorgDbContext(DbContextOptions<LeerlingzorgDbContext> options)
    : IdentityDbContext<Gebruiker, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options),
      IDataProtectionKeyContext
{
    /// <summary>The name of the query filter that hides every other school's rows.</summary>
    public const string SchoolFilter = "School";

    private bool bound;

    /// <summary>
    /// The school this context works for, fixed for the life of the context. Null means no school:
    /// the filter, the save guard and row-level security then let no school-owned row through.
    /// </summary>
    public Guid? SchoolId { get; private set; }

    /// <summary>
    /// The samenwerkingsverband this context works for (ADR 0010), for partnership staff; null for a school's context.
    /// A context is bound to a school or to an SWV, never both.
    /// </summary>
    public Guid? SwvId { get; private set; }

    /// <summary>The name of the query filter that hides every other samenwerkingsverband's rows.</summary>
    public const string SwvFilter = "Swv";

    public DbSet<Samenwerkingsverband> Samenwerkingsverbanden => Set<Samenwerkingsverband>();
    public DbSet<School> Scholen => Set<School>();
    public DbSet<Locatie> Locaties => Set<Locatie>();
    public DbSet<Klas> Klassen => Set<Klas>();
    public DbSet<KlasMentor> KlasMentoren => Set<KlasMentor>();
    public DbSet<Leerling> Leerlingen => Set<Leerling>();
    public DbSet<Ouder> Ouders => Set<Ouder>();
    public DbSet<LeerlingOuder> LeerlingOuders => Set<LeerlingOuder>();
    public DbSet<Afdeling> Afdelingen => Set<Afdeling>();
    public DbSet<Coordinator> Coordinatoren => Set<Coordinator>();
    public DbSet<Lesopdracht> Lesopdrachten => Set<Lesopdracht>();
    public DbSet<KlasPlaatsing> KlasPlaatsingen => Set<KlasPlaatsing>();
    public DbSet<Schooljaarovergang> Schooljaarovergangen => Set<Schooljaarovergang>();
    public DbSet<Domain.Import.ImportRun> ImportRuns => Set<Domain.Import.ImportRun>();
    public DbSet<Domain.Import.ImportKoppeling> ImportKoppelingen => Set<Domain.Import.ImportKoppeling>();
    public DbSet<Domain.Dossier.GesprekSoort> GesprekSoorten => Set<Domain.Dossier.GesprekSoort>();
    public DbSet<Domain.Dossier.Gesprek> Gesprekken => Set<Domain.Dossier.Gesprek>();
    public DbSet<Domain.Dossier.GesprekLeerling> GesprekLeerlingen => Set<Domain.Dossier.GesprekLeerling>();
    public DbSet<Domain.Dossier.GesprekRevisie> GesprekRevisies => Set<Domain.Dossier.GesprekRevisie>();
    public DbSet<Domain.Dossier.GesprekConcept> GesprekConcepten => Set<Domain.Dossier.GesprekConcept>();
    public DbSet<Domain.Dossier.Afspraak> Afspraken => Set<Domain.Dossier.Afspraak>();
    public DbSet<Domain.Ondersteuning.PmStap> PmStappen => Set<Domain.Ondersteuning.PmStap>();
    public DbSet<Domain.Ondersteuning.Ondersteuningsaanbod> Ondersteuningsaanbod => Set<Domain.Ondersteuning.Ondersteuningsaanbod>();
    public DbSet<Domain.Ondersteuning.Inzet> Inzetten => Set<Domain.Ondersteuning.Inzet>();
    public DbSet<Domain.Ondersteuning.Toestemming> Toestemmingen => Set<Domain.Ondersteuning.Toestemming>();
    public DbSet<Domain.Ondersteuning.Ondersteuningspas> Ondersteuningspassen => Set<Domain.Ondersteuning.Ondersteuningspas>();
    public DbSet<Domain.Besprekingen.Bespreking> Besprekingen => Set<Domain.Besprekingen.Bespreking>();
    public DbSet<Domain.Besprekingen.BesprekingKlas> BesprekingKlassen => Set<Domain.Besprekingen.BesprekingKlas>();
    public DbSet<Domain.Besprekingen.BesprekingDeelnemer> BesprekingDeelnemers => Set<Domain.Besprekingen.BesprekingDeelnemer>();
    public DbSet<Domain.Besprekingen.Agendapunt> Agendapunten => Set<Domain.Besprekingen.Agendapunt>();
    public DbSet<Domain.Besprekingen.Inventarisatie> Inventarisaties => Set<Domain.Besprekingen.Inventarisatie>();
    public DbSet<Domain.Besprekingen.InventarisatieRegel> InventarisatieRegels => Set<Domain.Besprekingen.InventarisatieRegel>();
    public DbSet<Domain.Besprekingen.Partner> Partners => Set<Domain.Besprekingen.Partner>();
    public DbSet<Domain.Besprekingen.BesprekingPartner> BesprekingPartners => Set<Domain.Besprekingen.BesprekingPartner>();
    public DbSet<Domain.Plannen.Plan> Plannen => Set<Domain.Plannen.Plan>();
    public DbSet<Domain.Plannen.PlanVersie> PlanVersies => Set<Domain.Plannen.PlanVersie>();
    public DbSet<Domain.Plannen.Instemming> Instemmingen => Set<Domain.Plannen.Instemming>();
    public DbSet<Domain.Plannen.Planoverleg> Planoverleggen => Set<Domain.Plannen.Planoverleg>();
    public DbSet<Domain.Ondersteuning.Toestemmingsverzoek> Toestemmingsverzoeken => Set<Domain.Ondersteuning.Toestemmingsverzoek>();
    public DbSet<Domain.Aanmeldingen.Aanmelding> Aanmeldingen => Set<Domain.Aanmeldingen.Aanmelding>();
    public DbSet<Domain.Verwijsindex.Signalering> Signaleringen => Set<Domain.Verwijsindex.Signalering>();
    public DbSet<Mail.Mailbericht> Mailberichten => Set<Mail.Mailbericht>();
    public DbSet<Domain.Aanvragen.Swvaanvraag> Swvaanvragen => Set<Domain.Aanvragen.Swvaanvraag>();
    public DbSet<Domain.Aanvragen.Beoordeling> Beoordelingen => Set<Domain.Aanvragen.Beoordeling>();
    public DbSet<Domain.Aanvragen.Groepslid> Groepsleden => Set<Domain.Aanvragen.Groepslid>();
    public DbSet<Domain.Ondersteuningsprofielen.Ondersteuningsprofiel> Ondersteuningsprofielen => Set<Domain.Ondersteuningsprofielen.Ondersteuningsprofiel>();
    /// <summary>Public data outside the tenancy (ADR 0010): every reader sees every row; only its own school writes one.</summary>
    public DbSet<Domain.Ondersteuningsprofielen.GepubliceerdProfiel> GepubliceerdeProfielen => Set<Domain.Ondersteuningsprofielen.GepubliceerdProfiel>();
    public DbSet<Domain.Aanvragen.Swvbudget> Swvbudgetten => Set<Domain.Aanvragen.Swvbudget>();
    public DbSet<Domain.Aanvragen.Besteding> Bestedingen => Set<Domain.Aanvragen.Besteding>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The search text of a student (SQL function <c>lz_zoektekst</c>: names and leerlingnummer, lower case, without
    /// accents). Students keep it in the stored column <see cref="Configurations.LeerlingConfiguration.Zoektekst"/>;
    /// the search reads that column. Use it only in queries.
    /// </summary>
    [DbFunction("lz_zoektekst", IsBuiltIn = false)]
    public static string Zoektekst(string voornaam, string? tussenvoegsel, string achternaam, string leerlingnummer) =>
        throw new InvalidOperationException("Alleen voor gebruik in een query.");

    /// <summary>
    /// A person's full name as every page shows it, "Jan van der Berg" (SQL function <c>lz_volledige_naam</c>, inlined by
    /// the planner): the one definition for queries. Unlike <see cref="Domain.Naam.Volledig"/> it does not trim: it
    /// gives exactly what the pages showed before it existed. Use it only in queries.
    /// </summary>
    [DbFunction("lz_volledige_naam", IsBuiltIn = false)]
    public static string VolledigeNaam(string voornaam, string? tussenvoegsel, string achternaam) =>
        throw new InvalidOperationException("Alleen voor gebruik in een query.");

    /// <summary>PostgreSQL's <c>unaccent</c> in lower case, to prepare a search term the way <see cref="Zoektekst"/> is.</summary>
    [DbFunction("lz_zoekterm", IsBuiltIn = false)]
    public static string Zoekterm(string tekst) => throw new InvalidOperationException("Alleen voor gebruik in een query.");

    /// <summary>pg_trgm's <c>word_similarity(term, text)</c>: 0..1, how well the term matches a part of the text.</summary>
    [DbFunction("word_similarity", IsBuiltIn = true)]
    public static double WoordGelijkenis(string term, string tekst) => throw new InvalidOperationException("Alleen voor gebruik in een query.");

    /// <summary>Binds a freshly leased context to a school (or to none). Allowed once per lease.</summary>
    public void BindToSchool(Guid? schoolId) => Bind(schoolId, null);

    /// <summary>Binds a freshly leased context to a samenwerkingsverband (ADR 0010): it then sees no school's rows.</summary>
    public void BindToSwv(Guid? swvId) => Bind(null, swvId);

    private void Bind(Guid? schoolId, Guid? swvId)
    {
        if (bound)
        {
            throw new InvalidOperationException("Deze context is al aan een school gebonden.");
        }
        if (schoolId is not null && swvId is not null)
        {
            throw new InvalidOperationException("Een context hoort bij een school of bij een samenwerkingsverband, nooit bij beide.");
        }
        bound = true;
        SchoolId = schoolId;
        SwvId = swvId;
    }

    public override void Dispose()
    {
        Unbind();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Unbind();
        return base.DisposeAsync();
    }

    // A pooled context is reused by other users: it must never carry a school into its next lease.
    private void Unbind()
    {
        bound = false;
        SchoolId = null;
        SwvId = null;
    }

    // Fixed here rather than read from IdentityOptions: the pooled context has no application services.
    // Version 3 includes passkeys.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Gebruiker>().ToTable("gebruikers");
        builder.Entity<IdentityRole<Guid>>().ToTable("rollen");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("gebruiker_rollen");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("gebruiker_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("gebruiker_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("gebruiker_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("rol_claims");
        builder.Entity<IdentityUserPasskey<Guid>>(b =>
        {
            b.ToTable("gebruiker_passkeys");
            b.HasKey(p => p.CredentialId);
            b.Property(p => p.CredentialId).HasMaxLength(1024);
            b.HasOne<Gebruiker>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            b.OwnsOne(p => p.Data).ToJson();
        });
        builder.Entity<Gebruiker>().HasIndex(g => g.NormalizedEmail).HasDatabaseName("ix_gebruikers_normalized_email").IsUnique();
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("btree_gin");
        builder.ApplyConfigurationsFromAssembly(typeof(LeerlingzorgDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(SchoolFilter, SchoolFilterFor(entityType.ClrType));
        }
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ISwvOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(SwvFilter, SwvFilterFor(entityType.ClrType));
        }
        // A mail's school may be null (an account mail of a partnership user): C# null semantics, as in its RLS policy.
        builder.Entity<Mail.Mailbericht>().HasQueryFilter(SchoolFilter, m => m.SchoolId == SchoolId);
    }

    // e => e.SchoolId == this.SchoolId, built once per model; EF Core reads SchoolId of the running context.
    private LambdaExpression SchoolFilterFor(Type type)
    {
        var entity = Expression.Parameter(type, "e");
        var body = Expression.Equal(
            Expression.Convert(Expression.Property(entity, nameof(ISchoolOwned.SchoolId)), typeof(Guid?)),
            Expression.Property(Expression.Constant(this), nameof(SchoolId)));
        return Expression.Lambda(body, entity);
    }

    // e => e.SwvId == this.SwvId; for what a school sent also || e.SchoolId == this.SchoolId (ADR 0010).
    private LambdaExpression SwvFilterFor(Type type)
    {
        var entity = Expression.Parameter(type, "e");
        Expression body = Expression.Equal(
            Expression.Convert(Expression.Property(entity, nameof(ISwvOwned.SwvId)), typeof(Guid?)),
            Expression.Property(Expression.Constant(this), nameof(SwvId)));
        if (typeof(ISwvIngediend).IsAssignableFrom(type))
        {
            body = Expression.OrElse(body, Expression.Equal(
                Expression.Convert(Expression.Property(entity, nameof(ISwvIngediend.SchoolId)), typeof(Guid?)),
                Expression.Property(Expression.Constant(this), nameof(SchoolId))));
        }
        return Expression.Lambda(body, entity);
    }
}

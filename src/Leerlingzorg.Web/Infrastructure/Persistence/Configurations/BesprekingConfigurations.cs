using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class BesprekingConfiguration : IEntityTypeConfiguration<Bespreking>
{
    public void Configure(EntityTypeBuilder<Bespreking> builder)
    {
        builder.ToTable("besprekingen");
        builder.IsSchoolOwnedWithId(b => new { b.SchoolId, b.Id });
        builder.Property(b => b.Soort).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Titel).HasMaxLength(Bespreking.MaxTitel);
        builder.Property(b => b.Plaats).HasMaxLength(Bespreking.MaxPlaats);
        builder.Property(b => b.Klasnotities).HasMaxLength(Bespreking.MaxKlasnotities);
        builder.Property(b => b.Versie).IsConcurrencyToken();
        builder.Ignore(b => b.Naam);
        builder.Ignore(b => b.IsOpen);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(b => b.VoorzitterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(b => b.AangemaaktDoor).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Klassen).WithOne()
            .HasForeignKey(k => new { k.SchoolId, k.BesprekingId })
            .HasPrincipalKey(b => new { b.SchoolId, b.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Deelnemers).WithOne()
            .HasForeignKey(d => new { d.SchoolId, d.BesprekingId })
            .HasPrincipalKey(b => new { b.SchoolId, b.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Partners).WithOne()
            .HasForeignKey(p => new { p.SchoolId, p.BesprekingId })
            .HasPrincipalKey(b => new { b.SchoolId, b.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Agenda).WithOne()
            .HasForeignKey(a => new { a.SchoolId, a.BesprekingId })
            .HasPrincipalKey(b => new { b.SchoolId, b.Id })
            .OnDelete(DeleteBehavior.Restrict);
        // The school's calendar of meetings; a series.
        builder.HasIndex(b => new { b.SchoolId, b.Datum });
        builder.HasIndex(b => new { b.SchoolId, b.SerieId });
    }
}

internal sealed class BesprekingKlasConfiguration : IEntityTypeConfiguration<BesprekingKlas>
{
    public void Configure(EntityTypeBuilder<BesprekingKlas> builder)
    {
        builder.ToTable("bespreking_klassen");
        builder.HasKey(k => new { k.SchoolId, k.BesprekingId, k.KlasId });
        builder.BelongsToSchool();
        builder.HasOne<Klas>().WithMany()
            .HasForeignKey(k => new { k.SchoolId, k.KlasId })
            .HasPrincipalKey(k => new { k.SchoolId, k.Id })
            .OnDelete(DeleteBehavior.Restrict);
        // The meetings of a class (its previous leerlingbespreking).
        builder.HasIndex(k => new { k.SchoolId, k.KlasId });
    }
}

internal sealed class BesprekingDeelnemerConfiguration : IEntityTypeConfiguration<BesprekingDeelnemer>
{
    public void Configure(EntityTypeBuilder<BesprekingDeelnemer> builder)
    {
        builder.ToTable("bespreking_deelnemers");
        builder.HasKey(d => new { d.SchoolId, d.BesprekingId, d.GebruikerId });
        builder.BelongsToSchool();
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(d => d.GebruikerId).OnDelete(DeleteBehavior.Restrict);
        // Mijn besprekingen.
        builder.HasIndex(d => new { d.SchoolId, d.GebruikerId });
    }
}

internal sealed class AgendapuntConfiguration : IEntityTypeConfiguration<Agendapunt>
{
    public void Configure(EntityTypeBuilder<Agendapunt> builder)
    {
        builder.ToTable("agendapunten");
        builder.IsSchoolOwnedWithId(a => new { a.SchoolId, a.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(a => new { a.SchoolId, a.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(a => a.IngebrachtDoor).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(a => a.BijgewerktDoor).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(a => a.VerwijsindexDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Vraag).HasMaxLength(Agendapunt.MaxVraag);
        builder.Property(a => a.WatGaatGoed).HasMaxLength(Agendapunt.MaxAntwoord);
        builder.Property(a => a.Probleem).HasMaxLength(Agendapunt.MaxAntwoord);
        builder.Property(a => a.Oorzaak).HasMaxLength(Agendapunt.MaxAntwoord);
        builder.Property(a => a.Aanpak).HasMaxLength(Agendapunt.MaxAntwoord);
        builder.Property(a => a.Vertrouwelijkheid).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Versie).IsConcurrencyToken();
        builder.Ignore(a => a.Antwoorden);
        // A student is once on a meeting's agenda.
        builder.HasIndex(a => new { a.SchoolId, a.BesprekingId, a.LeerlingId }).IsUnique();
        // The student's meetings (timeline, the previous bespreking's afspraken).
        builder.HasIndex(a => new { a.SchoolId, a.LeerlingId });
    }
}

internal sealed class InventarisatieConfiguration : IEntityTypeConfiguration<Inventarisatie>
{
    public void Configure(EntityTypeBuilder<Inventarisatie> builder)
    {
        builder.ToTable("inventarisaties");
        builder.IsSchoolOwnedWithId(i => new { i.SchoolId, i.Id });
        builder.HasOne<Bespreking>().WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.BesprekingId })
            .HasPrincipalKey(b => new { b.SchoolId, b.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Klas>().WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.KlasId })
            .HasPrincipalKey(k => new { k.SchoolId, k.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(i => i.DocentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Regels).WithOne()
            .HasForeignKey(r => new { r.SchoolId, r.InventarisatieId })
            .HasPrincipalKey(i => new { i.SchoolId, i.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.IsIngeleverd);
        // One form per docent, class and meeting; the docent's tasks on his start page.
        builder.HasIndex(i => new { i.SchoolId, i.BesprekingId, i.KlasId, i.DocentId }).IsUnique();
        builder.HasIndex(i => new { i.SchoolId, i.DocentId, i.IngeleverdOp });
    }
}

internal sealed class InventarisatieRegelConfiguration : IEntityTypeConfiguration<InventarisatieRegel>
{
    public void Configure(EntityTypeBuilder<InventarisatieRegel> builder)
    {
        builder.ToTable("inventarisatie_regels");
        builder.IsSchoolOwnedWithId(r => new { r.SchoolId, r.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(r => new { r.SchoolId, r.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Werkhouding).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Gedrag).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Resultaten).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Welbevinden).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Opmerking).HasMaxLength(InventarisatieRegel.MaxOpmerking);
        builder.Ignore(r => r.IsIngevuld);
        builder.HasIndex(r => new { r.SchoolId, r.InventarisatieId, r.LeerlingId }).IsUnique();
        // A student's forms on the agenda.
        builder.HasIndex(r => new { r.SchoolId, r.LeerlingId });
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.IsSchoolOwnedWithId(p => new { p.SchoolId, p.Id });
        builder.Property(p => p.Naam).HasMaxLength(Partner.MaxNaam);
        builder.Property(p => p.Organisatie).HasMaxLength(Partner.MaxOrganisatie);
        builder.Property(p => p.Email).HasMaxLength(Partner.MaxContact);
        builder.Property(p => p.Telefoon).HasMaxLength(Partner.MaxContact);
        builder.Property(p => p.Functie).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(p => new { p.SchoolId, p.Naam });
    }
}

internal sealed class BesprekingPartnerConfiguration : IEntityTypeConfiguration<BesprekingPartner>
{
    public void Configure(EntityTypeBuilder<BesprekingPartner> builder)
    {
        builder.ToTable("bespreking_partners");
        builder.HasKey(p => new { p.SchoolId, p.BesprekingId, p.PartnerId });
        builder.BelongsToSchool();
        builder.HasOne<Partner>().WithMany()
            .HasForeignKey(p => new { p.SchoolId, p.PartnerId })
            .HasPrincipalKey(p => new { p.SchoolId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

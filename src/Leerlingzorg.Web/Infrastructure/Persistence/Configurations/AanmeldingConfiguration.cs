using Leerlingzorg.Domain.Aanmeldingen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class AanmeldingConfiguration : IEntityTypeConfiguration<Aanmelding>
{
    public void Configure(EntityTypeBuilder<Aanmelding> builder)
    {
        builder.ToTable("aanmeldingen");
        builder.IsSchoolOwnedWithId(a => new { a.SchoolId, a.Id });
        // Linked on placement; (school_id, leerling_id) so that it cannot point into another school.
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(a => new { a.SchoolId, a.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(a => a.VastgelegdDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Voornaam).HasMaxLength(Aanmelding.MaxRegel);
        builder.Property(a => a.Tussenvoegsel).HasMaxLength(20);
        builder.Property(a => a.Achternaam).HasMaxLength(Aanmelding.MaxRegel);
        builder.Property(a => a.HuidigeSchool).HasMaxLength(Aanmelding.MaxRegel);
        builder.Property(a => a.Ouders).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.Ondersteuningsvraag).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.Verlengingsreden).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.IntakeDoor).HasMaxLength(Aanmelding.MaxRegel);
        builder.Property(a => a.IntakeNotities).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.Onderzoek).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.OnderzoekUitkomst).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.BesluitToelichting).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.AndereSchool).HasMaxLength(Aanmelding.MaxRegel);
        builder.Property(a => a.AfspraakAndereSchool).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.Intrekkingsreden).HasMaxLength(Aanmelding.MaxTekst);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Besluit).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Versie).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.IsVerlengd);
        builder.Ignore(a => a.IsGeplaatst);
        builder.Ignore(a => a.OorspronkelijkeTermijn);
        builder.Ignore(a => a.Beslistermijn);
        builder.Ignore(a => a.IsBesluitNaTermijn);
        builder.Ignore(a => a.OppUiterlijk);
        builder.Ignore(a => a.Naam);
        // The list: open ones by deadline; the student's timeline.
        builder.HasIndex(a => new { a.SchoolId, a.Status, a.OntvangenOp });
        builder.HasIndex(a => new { a.SchoolId, a.LeerlingId });
    }
}

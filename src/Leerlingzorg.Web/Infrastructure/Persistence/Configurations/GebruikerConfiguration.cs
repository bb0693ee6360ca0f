using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class GebruikerConfiguration : IEntityTypeConfiguration<Gebruiker>
{
    public void Configure(EntityTypeBuilder<Gebruiker> builder)
    {
        builder.Property(g => g.Voornaam).HasMaxLength(100);
        builder.Property(g => g.Tussenvoegsel).HasMaxLength(20);
        builder.Property(g => g.Achternaam).HasMaxLength(100);
        builder.Property(g => g.Thema).HasMaxLength(10);
        builder.HasOne<School>().WithMany().HasForeignKey(g => g.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(g => g.SamenwerkingsverbandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.SchoolId);
        builder.Ignore(g => g.VolledigeNaam);
        builder.ToTable(t => t.HasCheckConstraint("ck_gebruiker_school_of_swv",
            "(school_id IS NULL) <> (samenwerkingsverband_id IS NULL)"));
    }
}

using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Organisatie;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

/// <summary>The SWV's yearly budget (issue 12): SWV-owned, one per schooljaar.</summary>
internal sealed class SwvbudgetConfiguration : IEntityTypeConfiguration<Swvbudget>
{
    public void Configure(EntityTypeBuilder<Swvbudget> builder)
    {
        builder.ToTable("swv_budgetten");
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(b => b.SwvId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Schooljaar).HasConversion(j => j.Startjaar, j => new Schooljaar(j));
        builder.Property(b => b.Bedrag).HasPrecision(12, 2);
        builder.Property(b => b.Versie).IsConcurrencyToken();
        builder.HasIndex(b => new { b.SwvId, b.Schooljaar }).IsUnique();
    }
}

/// <summary>Spending against a granted arrangement; the receiving school is a plain column, not a tenancy.</summary>
internal sealed class BestedingConfiguration : IEntityTypeConfiguration<Besteding>
{
    public void Configure(EntityTypeBuilder<Besteding> builder)
    {
        builder.ToTable("swv_bestedingen");
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(b => b.SwvId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Swvaanvraag>().WithMany()
            .HasForeignKey(b => new { b.SwvId, b.AanvraagId })
            .HasPrincipalKey(a => new { a.SwvId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Bedrag).HasPrecision(12, 2);
        builder.Property(b => b.Omschrijving).HasMaxLength(Besteding.MaxOmschrijving);
        builder.HasIndex(b => new { b.SwvId, b.Datum });
        builder.HasIndex(b => new { b.SwvId, b.AanvraagId });
    }
}

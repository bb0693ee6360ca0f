using Leerlingzorg.Domain.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("import_runs");
        builder.IsSchoolOwnedWithId(r => new { r.SchoolId, r.Id });
        builder.Property(r => r.Soort).HasMaxLength(30);
        builder.Property(r => r.Bestandsnaam).HasMaxLength(260);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Samenvatting).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.SchoolId, r.GestartOp });
    }
}

internal sealed class ImportKoppelingConfiguration : IEntityTypeConfiguration<ImportKoppeling>
{
    public void Configure(EntityTypeBuilder<ImportKoppeling> builder)
    {
        builder.ToTable("import_koppelingen");
        builder.IsSchoolOwnedWithId(k => new { k.SchoolId, k.Id });
        builder.Property(k => k.Soort).HasMaxLength(30);
        builder.Property(k => k.KolommenJson).HasColumnType("jsonb");
        builder.HasIndex(k => new { k.SchoolId, k.Soort }).IsUnique();
    }
}

using Leerlingzorg.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Rol).HasMaxLength(300);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.Property(a => a.Actie).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.SchoolId, a.LeerlingId, a.Tijdstip });
        builder.HasIndex(a => new { a.SchoolId, a.Tijdstip });
        builder.HasIndex(a => new { a.SwvId, a.Tijdstip });
    }
}

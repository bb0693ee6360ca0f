using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class MailberichtConfiguration : IEntityTypeConfiguration<Mailbericht>
{
    public void Configure(EntityTypeBuilder<Mailbericht> builder)
    {
        builder.ToTable("mailberichten");
        builder.HasKey(m => m.Id);
        // Not ISchoolOwned: an account mail of a partnership user has no school. The context filters it and its RLS
        // policy matches school_id IS NOT DISTINCT FROM the current school.
        builder.HasOne<School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Aan).HasMaxLength(Mailbericht.AanLengte);
        builder.Property(m => m.Onderwerp).HasMaxLength(Mailbericht.OnderwerpLengte);
        builder.Property(m => m.Link).HasMaxLength(Mailbericht.LinkLengte);
        builder.Property(m => m.LaatsteFout).HasMaxLength(Mailbericht.FoutLengte);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.Status, m.VolgendePoging });
        builder.HasIndex(m => new { m.SchoolId, m.AangemaaktOp });
    }
}

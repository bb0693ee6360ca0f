using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Verwijsindex;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class SignaleringConfiguration : IEntityTypeConfiguration<Signalering>
{
    public void Configure(EntityTypeBuilder<Signalering> builder)
    {
        builder.ToTable("signaleringen");
        builder.IsSchoolOwnedWithId(s => new { s.SchoolId, s.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(s => new { s.SchoolId, s.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(s => s.DoorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Naam).HasMaxLength(200);
        builder.Property(s => s.DoorNaam).HasMaxLength(200);
        builder.Property(s => s.Contactpersoon).HasMaxLength(Signalering.MaxContactpersoon);
        builder.Property(s => s.ContactTelefoonOfEmail).HasMaxLength(Signalering.MaxContact);
        builder.Property(s => s.AfmeldReden).HasConversion<string>().HasMaxLength(30);
        builder.OwnsMany(s => s.Informeringen, i =>
        {
            i.ToJson();
            i.Property(x => x.Wijze).HasConversion<string>();
        });
        builder.OwnsMany(s => s.Matches, m => m.ToJson());
        builder.Property(s => s.Versie).IsConcurrencyToken();
        builder.Ignore(s => s.IsAfgemeld);
        builder.Ignore(s => s.Uiterlijk);
        builder.Ignore(s => s.HerinneringVanaf);
        // The student's card; the zorgcoördinator's reminders: not removed, oldest first.
        builder.HasIndex(s => new { s.SchoolId, s.LeerlingId });
        builder.HasIndex(s => new { s.SchoolId, s.AfgemeldOp, s.GesignaleerdOp });
    }
}

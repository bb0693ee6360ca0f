using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Leerlingzorg.Web.Infrastructure.Persistence;

/// <summary>For dotnet-ef: builds the model without starting the application or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LeerlingzorgDbContext>
{
    public LeerlingzorgDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<LeerlingzorgDbContext>();
        Database.Configure(builder, "Host=localhost;Database=leerlingzorg");
        return new LeerlingzorgDbContext(builder.Options);
    }
}

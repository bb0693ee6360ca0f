namespace Leerlingzorg.Web.Infrastructure.Identity;

public enum PasskeyOperation
{
    Create = 0,
    Request = 1,
}

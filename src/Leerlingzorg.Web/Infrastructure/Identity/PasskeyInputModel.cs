namespace Leerlingzorg.Web.Infrastructure.Identity;

public class PasskeyInputModel
{
    public string? CredentialJson { get; set; }
    public string? Error { get; set; }
}

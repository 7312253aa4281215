using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OpenOrchestrator.Silo.Hosting;

/// <summary>How silos find each other: one process on localhost, or a cluster whose membership table is in Redis (DESIGN D2).</summary>
public enum ClusteringMode
{
    Localhost,

    /// <summary>Orleans__Clustering=Redis: the membership table at ConnectionStrings__redis, the ports from Orleans__SiloPort/GatewayPort.</summary>
    Redis,

    /// <summary>
    /// Orleans' own provider settings, as Aspire's Orleans integration sets them
    /// (Orleans__Clustering__ProviderType=Redis, Orleans__Clustering__ServiceKey, Orleans__Endpoints__*):
    /// Orleans reads them itself, the keyed Redis connection is ConnectionStrings__{ServiceKey}.
    /// </summary>
    Provider,
}

public sealed class SiloOptions
{
    public const string SectionName = "Orleans";

    /// <summary>The membership section: Orleans' <c>ClusterMembershipOptions</c> (probe timeout, missed probes, defunct expiry).</summary>
    public const string MembershipSectionName = "Orleans:Membership";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>The connection name of the Redis membership table when <see cref="Clustering"/> is <see cref="ClusteringMode.Provider"/>.</summary>
    public string? ProviderServiceKey { get; internal set; }

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    [Required, RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Orleans:ClusterId may hold letters, digits, '.', '_' and '-' only.")]
    public string ClusterId { get; set; } = "openorchestrator";

    [Required, RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Orleans:ServiceId may hold letters, digits, '.', '_' and '-' only.")]
    public string ServiceId { get; set; } = "openorchestrator";

    /// <summary>The address other silos reach this one at (Redis clustering); none: the host's first network address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) certificate every silo of the cluster holds: connections between silos (and
    /// to the gateway) are then TLS both ways, and a peer must present this same certificate.
    /// </summary>
    [StringLength(4096)]
    public string? TlsCertificatePath { get; set; }

    [StringLength(1024)]
    public string? TlsCertificatePassword { get; set; }

    /// <summary>The silo port of another silo on this machine to join (development clustering); none: this silo is the first.</summary>
    [Range(1, 65535)]
    public int? PrimarySiloPort { get; set; }

    /// <summary>
    /// The Orleans dashboard for the instance's owner at <see cref="OrleansDashboard.Path"/>, when
    /// Orleans__Dashboard=true. Off by default: it collects every grain call's figures once a second
    /// whether or not anyone looks, a sixth of an idle silo's CPU.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>True when several processes may share the database, so no silo may treat running runs as its own.</summary>
    public bool IsCluster => Clustering != ClusteringMode.Localhost || PrimarySiloPort is not null;

    public IPAddress? AdvertisedAddress => IPAddress.TryParse(AdvertisedIPAddress, out var address) ? address : null;
}

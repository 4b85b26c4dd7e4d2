"""Account and folder names that are no one's, kept wherever a rule would take a name for a
person's: in a home path (``/home/runner/work/…`` on every GitHub Actions runner), an
environment dump or a login message. Shared folders and placeholders, the accounts that
systems, services, cloud images and CI runners bring with them, the fixed user names that
registries take with a token, and bots (``dependabot[bot]``)."""

from __future__ import annotations

__all__ = ["KEPT_NAMES", "ROLE_MAILBOXES", "SERVICE_ACCOUNTS", "is_bot", "no_ones"]

#: Home-folder names that are no one's: shared folders, defaults and documentation placeholders.
KEPT_NAMES = frozenset(
    {
        "shared", "public", "default", "default user", "defaultuser0", "all users", "guest",
        "user", "username", "yourname", "your-name", "your_name", "name", "me", "someone",
        # what servers log for a client that has not signed in (yet)
        "anonymous", "unauthenticated", "unknown",
    }
)  # fmt: skip

#: Mailboxes of a role that every domain has (RFC 2142's), never a person's: kept as accounts
#: and as e-mail addresses alike.
ROLE_MAILBOXES = frozenset(
    {"noreply", "no-reply", "postmaster", "webmaster", "hostmaster", "abuse", "security"}
)

#: Accounts that come with a system, a service, a cloud image or a CI runner.
SERVICE_ACCOUNTS = frozenset(
    {
        "root", "admin", "administrator", "nobody", "daemon", "system", "www-data", "nginx",
        "apache", "postgres", "mysql", "redis", "jenkins", "docker", "node", "app", "appuser",
        "service", "builder", "sa", "sys", "oracle", "guest", "test", "user", "pi", "git", "ftp",
        "postfix",
        # CI runners and cloud images
        "runner", "runneradmin", "gitlab-runner", "buildkite-agent", "circleci", "travis", "vsts",
        "teamcity", "bamboo", "ubuntu", "ec2-user", "centos", "fedora", "debian", "azureuser",
        "opc", "core", "vagrant",
        # Debian's and Red Hat's system users, and the daemons that bring their own
        "bin", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "backup", "list",
        "irc", "gnats", "adm", "halt", "operator", "shutdown", "syslog", "messagebus", "dbus",
        "sshd", "_apt", "uuidd", "tss", "tcpdump", "polkitd", "rpc", "rpcuser", "nfsnobody",
        "avahi", "ntp", "chrony", "colord", "dnsmasq", "named", "bind", "squid", "cyrus",
        "dovecot", "exim", "memcache", "mongodb", "rabbitmq", "tomcat", "nagios", "zabbix",
        "systemd-network", "systemd-resolve", "systemd-timesync", "systemd-coredump",
        "informix", "_www", "wwwrun",
        # mailboxes of a role, not a person
        *ROLE_MAILBOXES, "info", "support", "sales", "contact", "billing",
        # data platforms' own accounts
        "elastic", "kibana", "kibana_system", "logstash_system", "beats_system", "apm_system",
        "remote_monitoring_user", "hadoop", "hdfs", "yarn", "mapred", "hive", "spark",
        "zookeeper", "kafka", "cassandra", "grafana", "prometheus",
        # MySQL's own accounts and Debian's maintenance account for it
        "mysql.sys", "mysql.session", "mysql.infoschema", "event_scheduler", "debian-sys-maint",
        # the user name a registry or forge takes with a token in place of a password: PyPI's,
        # GitHub's and GitLab's (in clone URLs and CI jobs), Google's, Bitbucket's and ECR's
        "__token__", "x-access-token", "oauth2", "gitlab-ci-token", "oauth2accesstoken",
        "_json_key", "_json_key_base64", "x-token-auth", "aws",
        # managed Kubernetes' own identities (AKS's aksService, kubeadm's kubernetes-admin)
        "aksservice", "masterclient", "kubernetes-admin", "kube-admin",
    }
)  # fmt: skip


def is_bot(name: str) -> bool:
    """Whether ``name`` is a bot's account: GitHub's apps act as ``NAME[bot]``
    (``github-actions[bot]``, ``dependabot[bot]``, ``renovate[bot]``), in commits as well."""
    return name.lower().endswith("[bot]")


def no_ones(name: str) -> bool:
    """Whether ``name`` (any case) is no one's account or folder."""
    lowered = name.lower()
    return lowered in SERVICE_ACCOUNTS or lowered in KEPT_NAMES or is_bot(lowered)

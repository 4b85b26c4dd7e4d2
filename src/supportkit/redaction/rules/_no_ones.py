"""Account and folder names that are no one's, kept wherever a rule would take a name for a
person's: in a home path (``/home/runner/work/…`` on every GitHub Actions runner), an
environment dump or a login message. Shared folders and placeholders, and the accounts that
systems, services, cloud images and CI runners bring with them."""

from __future__ import annotations

__all__ = ["KEPT_NAMES", "SERVICE_ACCOUNTS", "no_ones"]

#: Home-folder names that are no one's: shared folders, defaults and documentation placeholders.
KEPT_NAMES = frozenset(
    {
        "shared", "public", "default", "default user", "defaultuser0", "all users", "guest",
        "user", "username", "yourname", "your-name", "your_name", "name", "me", "someone",
    }
)  # fmt: skip

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
        # mailboxes of a role, not a person (RFC 2142's and their kin)
        "info", "support", "sales", "contact", "noreply", "no-reply", "postmaster", "webmaster",
        "hostmaster", "abuse", "security", "billing",
        # data platforms' own accounts
        "elastic", "kibana", "kibana_system", "logstash_system", "beats_system", "apm_system",
        "remote_monitoring_user", "hadoop", "hdfs", "yarn", "mapred", "hive", "spark",
        "zookeeper", "kafka", "cassandra", "grafana", "prometheus",
    }
)  # fmt: skip


def no_ones(name: str) -> bool:
    """Whether ``name`` (any case) is no one's account or folder."""
    lowered = name.lower()
    return lowered in SERVICE_ACCOUNTS or lowered in KEPT_NAMES

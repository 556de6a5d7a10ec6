package id.webrana.cloud.application.port.out;

/** Provider-neutral server state (DigitalOcean: new, active, off, archive). */
public enum ServerStatus {
    NEW, ACTIVE, OFF, ARCHIVE, UNKNOWN
}

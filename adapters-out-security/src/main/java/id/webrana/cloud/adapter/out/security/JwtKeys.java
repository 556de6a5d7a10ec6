package id.webrana.cloud.adapter.out.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.logging.Logger;

import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RSA key pair that signs the access tokens, with its key id (the JWK thumbprint of the public key).
 *
 * <p>Sources, in order: PEM text (env {@code JWT_PRIVATE_KEY}, optionally {@code JWT_PUBLIC_KEY}), else the files
 * {@code private.pem}/{@code public.pem} in a key directory, else a new 2048-bit pair written to that directory so
 * that restarts keep issued tokens valid. The public key always ends up in {@code <dir>/public.pem}, which is the
 * file mpJwt verifies with ({@code mp.jwt.verify.publickey.location} in server.xml).
 */
public final class JwtKeys {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
    private static final int KEY_SIZE = 2048;

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    public JwtKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalArgumentException("JWT public key does not belong to the private key");
        }
        this.keyId = thumbprint(publicKey);
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /**
     * Resolves the signing keys and makes sure {@code keyDir/public.pem} holds the public key in use.
     *
     * @param privatePem PKCS#8 PEM of the private key, or null/blank to use (or create) the files in {@code keyDir}
     * @param publicPem  X.509 PEM of the public key; optional (derived from the private key when absent)
     */
    public static JwtKeys resolve(String privatePem, String publicPem, Path keyDir) {
        if (isBlank(privatePem)) {
            if (!isBlank(publicPem)) {
                throw new IllegalStateException("JWT_PUBLIC_KEY is set without JWT_PRIVATE_KEY: both or neither");
            }
            return loadOrCreate(keyDir);
        }
        JwtKeys keys = fromPem(privatePem, publicPem);
        String pemText = toPem("PUBLIC KEY", keys.publicKey.getEncoded());
        Path publicFile = keyDir.resolve(PUBLIC_KEY_FILE);
        if (!pemText.equals(readIfExists(publicFile))) {
            writeAtomically(publicFile, pemText, false);
        }
        LOG.info(() -> "JWT signing key from the environment (kid " + keys.keyId + "); public key in " + publicFile);
        return keys;
    }

    /** Keys from PEM text; the public key is derived from the private key when {@code publicPem} is null or blank. */
    public static JwtKeys fromPem(String privatePem, String publicPem) {
        RSAPrivateKey priv = parsePrivateKey(privatePem);
        return new JwtKeys(priv, isBlank(publicPem) ? derivePublicKey(priv) : parsePublicKey(publicPem));
    }

    /** Reads {@code private.pem} and {@code public.pem} from {@code keyDir}, generating them the first time. */
    public static synchronized JwtKeys loadOrCreate(Path keyDir) {
        Path privateFile = keyDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = keyDir.resolve(PUBLIC_KEY_FILE);
        String privateText = readIfExists(privateFile);
        if (privateText != null) {
            JwtKeys keys = fromPem(privateText, null);
            String pemText = toPem("PUBLIC KEY", keys.publicKey.getEncoded());
            if (!pemText.equals(readIfExists(publicFile))) {
                writeAtomically(publicFile, pemText, false);
            }
            LOG.info(() -> "JWT signing key loaded from " + privateFile + " (kid " + keys.keyId + ")");
            return keys;
        }
        KeyPair pair = generate();
        RSAPrivateKey priv = (RSAPrivateKey) pair.getPrivate();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        writeAtomically(privateFile, toPem("PRIVATE KEY", priv.getEncoded()), true);
        writeAtomically(publicFile, toPem("PUBLIC KEY", pub.getEncoded()), false);
        JwtKeys keys = new JwtKeys(priv, pub);
        LOG.info(() -> "JWT signing key generated in " + keyDir + " (kid " + keys.keyId + ")");
        return keys;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    public static RSAPrivateKey parsePrivateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException(
                    "JWT private key is PKCS#1; convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT private key is not a PKCS#8 RSA key in PEM", e);
        }
    }

    public static RSAPublicKey parsePublicKey(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT public key is not an X.509 RSA public key in PEM", e);
        }
    }

    public static String toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static RSAPublicKey derivePublicKey(RSAPrivateKey priv) {
        if (!(priv instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("JWT private key lacks its public exponent: set JWT_PUBLIC_KEY too");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 body of a PEM block; tolerates env values whose newlines arrive as literal {@code \n}. */
    private static byte[] pemBody(String pem) {
        String body = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String thumbprint(RSAPublicKey publicKey) {
        return new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static String readIfExists(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Writes through a temporary file and a rename, so mpJwt never reads a half-written key. */
    private static void writeAtomically(Path file, String text, boolean ownerOnly) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
                }
                Files.writeString(tmp, text, StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "JwtKeys[kid=" + keyId + ", modulus bits=" + publicKey.getModulus().bitLength() + "]";
    }
}

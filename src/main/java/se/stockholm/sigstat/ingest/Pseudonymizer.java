package se.stockholm.sigstat.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a normalised personnummer (or a district's person_ref) into the warehouse's person key:
 * HMAC-SHA256 under the city's secret key, hex encoded, so the same person gets the same key in
 * every district and every night.
 */
public final class Pseudonymizer implements Serializable {
  private static final String ALGORITHM = "HmacSHA256";

  /** Prefix that keeps a district's own person_ref apart from personnummer in the key space. */
  private static final String REF_PREFIX = "ref:";

  private final byte[] key;
  private transient ThreadLocal<Mac> macs;

  public Pseudonymizer(PseudonymKey key) {
    this.key = key.bytes();
  }

  /** The pseudonym of a normalised 12-digit personnummer. */
  public String ofPersonnummer(String normalized12) {
    return hmac(normalized12);
  }

  /** The pseudonym of a person_ref, re-keyed so the delivered value itself is never stored. */
  public String ofPersonRef(String personRef) {
    return hmac(REF_PREFIX + personRef);
  }

  private String hmac(String value) {
    if (macs == null) {
      // Mac is not thread-safe; Spark runs several tasks per executor JVM.
      macs = ThreadLocal.withInitial(this::newMac);
    }
    return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}

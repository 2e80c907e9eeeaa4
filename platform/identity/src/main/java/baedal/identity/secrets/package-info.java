/**
 * Secrets at rest: values sealed with AES-GCM under a key from configuration, and the key files of the embedded
 * default.
 */
@NullMarked
package baedal.identity.secrets;

import org.jspecify.annotations.NullMarked;

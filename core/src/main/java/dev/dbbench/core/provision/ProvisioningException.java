package dev.dbbench.core.provision;

/**
 * Provisioning could not give a database. The message is one line meant for a person: it names
 * the setting as the person types it, the value, the rule and the fix. A URL's password in it is
 * masked ({@link Secrets#mask}): the message is printed.
 */
public class ProvisioningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message) {
        super(Secrets.mask(message));
    }

    public ProvisioningException(String message, Throwable cause) {
        super(Secrets.mask(message), cause);
    }
}

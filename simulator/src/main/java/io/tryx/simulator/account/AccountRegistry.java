package io.tryx.simulator.account;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The simulator's accounts, in memory, keyed by phone number. Thread-safe. */
public final class AccountRegistry {

    private static final Pattern PHONE = Pattern.compile("[1-9][0-9]{5,14}");

    private final ConcurrentMap<String, Account> byPhone = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final List<DeviceListener> deviceListeners = new CopyOnWriteArrayList<>();
    private final DeviceListener dispatch = new DeviceListener() {
        @Override
        public void linked(LinkedDevice device) {
            deviceListeners.forEach(l -> l.linked(device));
        }

        @Override
        public void unlinked(LinkedDevice device) {
            deviceListeners.forEach(l -> l.unlinked(device));
        }
    };

    /** Adds a listener told of every device linked to or unlinked from any account. */
    public void addDeviceListener(DeviceListener listener) {
        deviceListeners.add(listener);
    }

    /** True when {@code phone} is digits only, 6 to 15 long, not starting with 0. */
    public static boolean isValidPhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }

    /**
     * Creates an account with a fresh random 15-digit LID.
     *
     * @throws IllegalArgumentException for an invalid phone number
     * @throws IllegalStateException    when the phone number is taken
     */
    public Account create(String phone, String pushName) {
        if (!isValidPhone(phone)) {
            throw new IllegalArgumentException("invalid phone number: " + phone);
        }
        Account account = new Account(phone, randomLid(), pushName, dispatch);
        if (byPhone.putIfAbsent(phone, account) != null) {
            throw new IllegalStateException("account exists: " + phone);
        }
        return account;
    }

    public Optional<Account> find(String phone) {
        return Optional.ofNullable(phone == null ? null : byPhone.get(phone));
    }

    /** The account whose LID user is {@code lidUser}. */
    public Optional<Account> findByLid(String lidUser) {
        return byPhone.values().stream().filter(a -> a.lid().user().equals(lidUser)).findFirst();
    }

    public Optional<LinkedDevice> findDevice(String phone, int deviceId) {
        return find(phone).flatMap(a -> a.device(deviceId));
    }

    public Collection<Account> accounts() {
        return List.copyOf(byPhone.values());
    }

    public int deviceCount() {
        return byPhone.values().stream().mapToInt(a -> a.devices().size()).sum();
    }

    private synchronized String randomLid() {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}

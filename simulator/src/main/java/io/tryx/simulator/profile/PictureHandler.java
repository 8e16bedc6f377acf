package io.tryx.simulator.profile;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.privacy.Privacy;
import io.tryx.simulator.privacy.PrivacyCategory;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code iq xmlns="w:profile:picture"}, for the sender's own account ({@code target} absent or the own JID; other
 * targets, groups included, 501):
 * <ul>
 *   <li>{@code set <picture type="image">JPEG</picture>}: stores the image and a 96x96 preview on the media host
 *       and answers {@code <picture id/>}; not a JPEG or over {@value #MAX_BYTES} bytes 400. {@code set} without a
 *       child removes the picture.</li>
 *   <li>{@code get target=user <picture type="image|preview" query="url" id?/>}: {@code <picture id type url
 *       direct_path/>} of the media host; {@code <picture status="304"/>} when {@code id} is current; 404 without
 *       a picture or account, 401 when privacy {@code profile} (or a block) hides it.</li>
 * </ul>
 * Changes reach the account's other companions and the peers allowed to see them as {@code <notification
 * from=user type="picture"><set jid id author/>|<delete jid author/></notification>}.
 */
public final class PictureHandler implements IqHandler {

    /** The largest picture taken. */
    public static final int MAX_BYTES = 2 << 20;

    private final Profiles profiles;
    private final Privacy privacy;
    private final Directory directory;
    private final AccountNotifier notifier;
    private final Supplier<String> mediaUrl;

    /** {@code mediaUrl} gives the media host's {@code https://host:port}. */
    public PictureHandler(Profiles profiles, Privacy privacy, Directory directory, AccountNotifier notifier,
                          Supplier<String> mediaUrl) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.directory = directory;
        this.notifier = notifier;
        this.mediaUrl = mediaUrl;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        Optional<Jid> target = iq.attrs().optionalString("target").map(PictureHandler::parse);
        if (iq.attrs().string("type").equals("get")) {
            Jid jid = target.orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "picture get needs a target"));
            return Optional.of(List.of(get(device.account(), jid, iq.child("picture")
                    .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <picture>")))));
        }
        if (target.isPresent() && directory.account(target.get()).filter(a -> a == device.account()).isEmpty()) {
            throw new IqException(IqError.FEATURE_NOT_IMPLEMENTED, "only the own picture can be changed");
        }
        Optional<Node> picture = iq.child("picture");
        if (picture.isEmpty()) {
            remove(device.account(), device.deviceId());
            return Optional.of(List.of());
        }
        byte[] bytes = picture.get().contentBytes().orElse(new byte[0]);
        if (bytes.length > MAX_BYTES) {
            throw new IqException(IqError.BAD_REQUEST, "picture over " + MAX_BYTES + " bytes");
        }
        BufferedImage image = JpegImages.decode(bytes);
        if (image == null) {
            throw new IqException(IqError.BAD_REQUEST, "picture is not a JPEG image");
        }
        Profiles.Picture set = set(device.account(), device.deviceId(), bytes, JpegImages.preview(image));
        return Optional.of(List.of(Node.builder("picture").attr("id", set.id()).build()));
    }

    private Node get(Account viewer, Jid target, Node request) {
        String type = request.attrs().optionalString("type").orElse("image");
        if (!type.equals("image") && !type.equals("preview")) {
            throw new IqException(IqError.BAD_REQUEST, "picture type must be image or preview");
        }
        Account owner = directory.account(target).orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no account " + target));
        if (!privacy.visible(owner, PrivacyCategory.PROFILE, viewer)) {
            throw new IqException(IqError.NOT_AUTHORIZED, "the profile picture is hidden");
        }
        Profiles.Picture picture = profiles.picture(owner)
                .orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no profile picture"));
        if (request.attrs().optionalString("id").filter(picture.id()::equals).isPresent()) {
            return Node.builder("picture").attr("status", "304").build();
        }
        String path = (type.equals("image") ? picture.image() : picture.preview()).directPath();
        return Node.builder("picture").attr("id", picture.id()).attr("type", type)
                .attr("url", mediaUrl.get() + path).attr("direct_path", path).build();
    }

    /** Sets {@code account}'s picture (by device {@code byDevice}, 0 its phone) and notifies. */
    public Profiles.Picture set(Account account, int byDevice, byte[] jpeg, byte[] preview) {
        Profiles.Picture picture = profiles.setPicture(account, jpeg, preview, notifier.now());
        notify(account, byDevice, Node.builder("set").attr("jid", account.jid()).attr("id", picture.id())
                .attr("author", account.jid()).build());
        return picture;
    }

    private void remove(Account account, int byDevice) {
        if (profiles.removePicture(account)) {
            notify(account, byDevice, Node.builder("delete").attr("jid", account.jid()).attr("author", account.jid()).build());
        }
    }

    private void notify(Account account, int byDevice, Node change) {
        Node notification = notifier.notification(account.jid(), "picture").children(change).build();
        notifier.toOwnDevices(account, byDevice, notification);
        notifier.toAccounts(privacy.contacts().peersOf(account).stream()
                .filter(peer -> privacy.visible(account, PrivacyCategory.PROFILE, peer)).toList(), notification);
    }

    private static Jid parse(String text) {
        try {
            return Jid.parse(text).toNonAd();
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "bad target " + text);
        }
    }
}

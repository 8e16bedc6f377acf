package io.tryx.protocol.media;

import io.tryx.protocol.ProtocolException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaDecryptorFuzzTest {

    @Property(tries = 300)
    void randomBytesAreRejectedWithATypedError(@ForAll @Size(max = 4096) byte[] garbage,
                                               @ForAll @Size(value = 32) byte[] mediaKey) {
        MediaDecryptor decryptor = MediaDecryptor.start(mediaKey, MediaType.IMAGE, null, null);
        assertThatThrownBy(() -> {
            decryptor.update(garbage, 0, garbage.length);
            decryptor.finish();
        }).isInstanceOf(ProtocolException.class);
    }
}

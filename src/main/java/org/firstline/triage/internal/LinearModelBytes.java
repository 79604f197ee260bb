package org.firstline.triage.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A linear team model as bytes and back: vocabulary, inverse document frequencies, weights and biases, exactly, so
 * a model read back scores every ticket as the one written. A version number leads, so a later layout can refuse an
 * older one instead of misreading it.
 */
public final class LinearModelBytes {
    private static final int VERSION = 1;

    private LinearModelBytes() {}

    public static byte[] write(LinearTeamClassifier model) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeUTF(model.loss.name());
            out.writeDouble(model.c);
            out.writeDouble(model.scale);
            out.writeInt(model.examples);
            out.writeInt(model.teams.length);
            for (long team : model.teams) out.writeLong(team);
            for (float b : model.bias) out.writeFloat(b);
            out.writeInt(model.words.length);
            for (int i = 0; i < model.words.length; i++) {
                out.writeUTF(model.words[i]);
                out.writeFloat(model.idf[i]);
            }
            for (float w : model.weights) out.writeFloat(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static LinearTeamClassifier read(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION)
                throw new IllegalArgumentException("linear team model version " + version + ", expected " + VERSION);
            var loss = LinearTeamClassifier.Loss.valueOf(in.readUTF());
            double c = in.readDouble();
            double scale = in.readDouble();
            int examples = in.readInt();
            long[] teams = new long[in.readInt()];
            for (int i = 0; i < teams.length; i++) teams[i] = in.readLong();
            float[] bias = new float[teams.length];
            for (int i = 0; i < bias.length; i++) bias[i] = in.readFloat();
            String[] words = new String[in.readInt()];
            float[] idf = new float[words.length];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readUTF();
                idf[i] = in.readFloat();
            }
            float[] weights = new float[words.length * teams.length];
            for (int i = 0; i < weights.length; i++) weights[i] = in.readFloat();
            return new LinearTeamClassifier(loss, c, scale, teams, words, idf, weights, bias, examples);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a linear team model: " + e.getMessage(), e);
        }
    }
}

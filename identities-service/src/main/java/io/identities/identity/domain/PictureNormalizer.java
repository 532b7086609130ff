package io.identities.identity.domain;

import io.identities.backbone.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Accepts only real PNG or JPEG images (judged by their bytes, not their name or declared type), of
 * at most {@link #MAX_BYTES} and sane dimensions, and re-encodes them at most {@link #MAX_SIDE}
 * pixels a side: what is stored is small, and carries no metadata (EXIF, GPS) of the original.
 */
@ApplicationScoped
public class PictureNormalizer {

  /** What the sizes in its answers count as a megabyte. */
  private static final int MEGABYTE = 1024 * 1024;

  public static final int MAX_BYTES = 5 * MEGABYTE;
  public static final int MAX_SIDE = 512;
  static final int MIN_SIDE = 32;
  static final int MAX_SOURCE_SIDE = 8_000;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  /** A normalized picture. */
  public record Picture(String contentType, byte[] data, int width, int height) {}

  public Picture normalize(byte[] upload) {
    if (upload.length > MAX_BYTES) {
      throw new ProblemException(
          Status.REQUEST_ENTITY_TOO_LARGE,
          "Picture too large",
          String.format(
              Locale.ROOT,
              "A picture may be at most %d MB (%,d bytes); this one is %.1f MB (%,d bytes)",
              MAX_BYTES / MEGABYTE,
              MAX_BYTES,
              upload.length / (double) MEGABYTE,
              upload.length),
          List.of());
    }
    boolean png = startsWith(upload, PNG);
    if (!png && !startsWith(upload, JPEG)) {
      throw new ProblemException(
          Status.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported picture",
          "A picture must be a PNG or JPEG image (whatever its file name says)",
          List.of());
    }
    BufferedImage image = decode(upload);
    BufferedImage scaled = scale(image, png);
    return new Picture(
        png ? "image/png" : "image/jpeg",
        encode(scaled, png),
        scaled.getWidth(),
        scaled.getHeight());
  }

  /** Reads the dimensions from the header first, so a decompression bomb is never decoded. */
  private static BufferedImage decode(byte[] upload) {
    try (ImageInputStream input =
        ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SOURCE_SIDE) {
          throw ProblemException.invalidField(
              "file",
              "a picture must be between "
                  + MIN_SIDE
                  + " and "
                  + MAX_SOURCE_SIDE
                  + " pixels a side; this one is "
                  + width
                  + "x"
                  + height);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw unreadable();
    }
  }

  private static BufferedImage scale(BufferedImage image, boolean keepTransparency) {
    double factor =
        Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
    BufferedImage scaled =
        new BufferedImage(
            width,
            height,
            keepTransparency ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = scaled.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.drawImage(image, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    return scaled;
  }

  private static byte[] encode(BufferedImage image, boolean png) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
      try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(output);
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (!png) {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(0.9f);
        }
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a picture", e);
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static ProblemException unreadable() {
    return ProblemException.invalidField("file", "not a readable PNG or JPEG image");
  }
}

package se.stockholm.sigstat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesWithoutShellTest {
  @Test
  void setsTheSamePermissionsAsHadoopsChmodWouldWithoutStartingAProcess(@TempDir Path dir)
      throws IOException {
    try (LocalFilesWithoutShell fs = new LocalFilesWithoutShell()) {
      fs.initialize(dir.toUri(), new Configuration());
      Path made = dir.resolve("a/b");
      assertThat(fs.mkdirs(new org.apache.hadoop.fs.Path(made.toUri()))).isTrue();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
          .isEqualTo("rwxr-xr-x");
      fs.setPermission(new org.apache.hadoop.fs.Path(made.toUri()), new FsPermission((short) 0640));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
          .isEqualTo("rw-r-----");
    }
  }
}

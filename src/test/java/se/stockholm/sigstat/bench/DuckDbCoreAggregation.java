package se.stockholm.sigstat.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.warehouse.SnapshotStore;

/**
 * The same core aggregation written as an analyst would in DuckDB, in-process, over the same
 * Parquet files: the definitions of statistics.md in SQL, independent of sigstat's code.
 */
final class DuckDbCoreAggregation {
  private DuckDbCoreAggregation() {}

  static CoreFigures run(SnapshotStore store, FollowUpModel model, ReportingPeriod period)
      throws SQLException {
    String sql = sql(store, model, period);
    CoreFigures figures = new CoreFigures();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        figures.put(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getLong(5),
            rs.getLong(6));
      }
    }
    return figures;
  }

  static String sql(SnapshotStore store, FollowUpModel model, ReportingPeriod period) {
    String city = model.districts().cityCode();
    String mapping =
        model.districts().all().stream()
            .map(District::code)
            .map(d -> "('" + d + "', '" + model.districts().mapTo(d, period.end()) + "')")
            .collect(Collectors.joining(", "));
    String directions =
        model.lifeDomains().stream()
            .map(d -> "('" + d.code() + "', " + d.direction() + ")")
            .collect(Collectors.joining(", "));
    String start = "DATE '" + period.start() + "'";
    String end = "DATE '" + period.end() + "'";
    return """
        WITH map(code, mapped) AS (VALUES %s),
        dir(livsomrade, riktning) AS (VALUES %s),
        ep AS (
          SELECT e.stadsdel AS kalla, e.period_id, e.person_id,
                 coalesce(m.mapped, e.stadsdel) AS stadsdel,
                 CASE WHEN e.kon IN ('K', 'M') THEN e.kon ELSE 'OVRIGT' END AS kon
          FROM read_parquet(%s) e LEFT JOIN map m ON m.code = e.stadsdel
          WHERE e.inskrivningsdatum <= %s AND (e.avslutsdatum IS NULL OR e.avslutsdatum >= %s)),
        rated AS (
          SELECT a.stadsdel AS kalla, a.period_id, a.mattillfalle, a.datum, a.livsomrade,
                 a.skattning, ep.stadsdel, ep.kon
          FROM read_parquet(%s) a
          JOIN ep ON a.stadsdel = ep.kalla AND a.period_id = ep.period_id
          WHERE a.skattning IS NOT NULL),
        base AS (
          SELECT * FROM (
            SELECT kalla, period_id, livsomrade, stadsdel, kon, datum AS b_datum, skattning AS b_s,
                   row_number() OVER (PARTITION BY kalla, period_id, livsomrade
                                      ORDER BY datum, skattning) AS rn
            FROM rated WHERE mattillfalle = 'INSKRIVNING')
          WHERE rn = 1),
        follow AS (
          SELECT * FROM (
            SELECT r.kalla, r.period_id, r.livsomrade, r.skattning AS f_s,
                   row_number() OVER (PARTITION BY r.kalla, r.period_id, r.livsomrade
                     ORDER BY r.datum DESC, (r.mattillfalle = 'AVSLUT') DESC, r.skattning DESC) AS rn
            FROM rated r JOIN base b USING (kalla, period_id, livsomrade)
            WHERE r.mattillfalle IN ('UPPFOLJNING', 'AVSLUT') AND r.datum <= %s
              AND r.datum > b.b_datum)
          WHERE rn = 1),
        pairs AS (
          SELECT b.stadsdel, b.kon, b.livsomrade, (f.f_s - b.b_s) * d.riktning AS forandring
          FROM base b JOIN follow f USING (kalla, period_id, livsomrade)
          JOIN dir d ON d.livsomrade = b.livsomrade)
        SELECT 'AKTUELLA', '', coalesce(stadsdel, '%s'), coalesce(kon, 'ALLA'),
               count(DISTINCT person_id), 0
        FROM ep GROUP BY CUBE (stadsdel, kon)
        UNION ALL
        SELECT 'FORBATTRAD', livsomrade, coalesce(stadsdel, '%s'), coalesce(kon, 'ALLA'),
               sum(CASE WHEN forandring > 0 THEN 1 ELSE 0 END), count(*)
        FROM pairs GROUP BY livsomrade, CUBE (stadsdel, kon)
        """
        .formatted(
            mapping,
            directions,
            files(store.livePaths("insatsperioder")),
            end,
            start,
            files(store.livePaths("bedomningar")),
            end,
            city,
            city);
  }

  private static String files(List<String> folders) {
    return folders.stream()
        .map(f -> "'" + f.replace("'", "''") + "/*.parquet'")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}

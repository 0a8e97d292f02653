/* sp-opportunity-csv.c — opportunities in CSV: preview, commit and export
 *
 * The read loop and the preview / commit skeleton are sp-csv-import.c's; this file maps the
 * stage columns, checks each row and, in a commit, writes the opportunity, its customer when
 * new, and its stage history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-opportunity"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-csv-import-private.h"
#include "sp-rep-private.h"
#include "sp-opportunity-csv.h"
#include "sp-opportunity.h"

#define H(...) ((const char * const[]) { __VA_ARGS__, NULL })

static const SpCsvField fields[SP_OPPORTUNITY_CSV_N_FIELDS] = {
  { "title", N_("Title"), TRUE, H ("title", "opportunity", "商机名称", "商机", "名称") },
  { "customer", N_("Customer"), FALSE, H ("customer", "客户", "客户名称") },
  { "customer_class", N_("Customer class"), FALSE, H ("customer class", "class", "客户分类") },
  { "intent_grade", N_("Intent grade"), FALSE, H ("intent grade", "grade", "意向等级") },
  { "rep", N_("Rep"), TRUE, H ("rep", "sales rep", "销售代表", "销售") },
  { "amount", N_("Amount"), TRUE, H ("amount", "金额") },
  { "created", N_("Created"), TRUE, H ("created", "created on", "创建日期") },
  { "expected_close", N_("Expected close"), FALSE, H ("expected close", "预计成交日期") },
  { "stage", N_("Stage"), TRUE, H ("stage", "阶段") },
  { "closed", N_("Closed"), FALSE, H ("closed", "closed on", "关单日期") },
  { "invoiced", N_("Invoiced"), FALSE, H ("invoiced", "开票金额") },
  { "collected", N_("Collected"), FALSE, H ("collected", "回款金额") },
};

const SpCsvField *
sp_opportunity_csv_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

G_DEFINE_QUARK (sp-opportunity-import-error-quark, sp_opportunity_import_error)

typedef struct
{
  gint64  id;        /* 0 in a preview of a workspace without stages */
  char   *name;
  char   *outcome;
  int     position;
} Stage;

typedef struct
{
  int    column;
  guint  stage;      /* index into stages */
} HistoryColumn;

typedef struct
{
  SpCsvImport          *import;
  GArray               *stages;          /* Stage */
  GArray               *history_columns; /* HistoryColumn */
  GHashTable           *new_customers;   /* name → id (0 in a preview) */
  SpOpportunityPreview *preview;
} Pass;

static void
stage_clear (gpointer data)
{
  Stage *s = data;

  g_free (s->name);
  g_free (s->outcome);
}

void
sp_opportunity_preview_free (SpOpportunityPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->rejected, g_ptr_array_unref);
  g_clear_pointer (&preview->new_customers, g_ptr_array_unref);
  g_free (preview->currency);
  g_free (preview->backup_path);
  g_free (preview);
}

static const struct { const char *en; const char *zh; } default_stages[] = {
  { "Lead", "线索" }, { "Qualified", "有效商机" }, { "Proposal", "方案报价" },
  { "Negotiation", "谈判" }, { "Won", "赢单" }, { "Lost", "输单" },
};
static const char * const default_outcomes[] = { "open", "open", "open", "open", "won", "lost" };

static gboolean
load_stages (Pass    *pass,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  pass->stages = g_array_new (FALSE, TRUE, sizeof (Stage));
  g_array_set_clear_func (pass->stages, stage_clear);
  stmt = sp_sql_prepare (pass->import->db, "SELECT id, name, outcome, position FROM pipeline_stage"
                         " ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Stage s = { sqlite3_column_int64 (stmt, 0),
                  g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                  g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
                  sqlite3_column_int (stmt, 3) };

      g_array_append_val (pass->stages, s);
    }
  if (pass->stages->len == 0)   /* a preview: the commit writes the defaults */
    for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
      {
        Stage s = { 0, g_strdup (default_stages[i].en), g_strdup (default_outcomes[i]), (int) i };

        g_array_append_val (pass->stages, s);
      }
  return TRUE;
}

/* Index of the stage called @name, or -1. */
static int
find_stage (Pass       *pass,
            const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = NULL;
  const char *look = trimmed;

  for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
    if (strcmp (trimmed, default_stages[i].zh) == 0)
      look = default_stages[i].en;
  folded = g_utf8_casefold (look, -1);
  for (guint i = 0; i < pass->stages->len; i++)
    {
      Stage *s = &g_array_index (pass->stages, Stage, i);
      g_autofree char *other = g_utf8_casefold (s->name, -1);

      if (strcmp (s->name, trimmed) == 0 || strcmp (other, folded) == 0)
        return (int) i;
    }
  return -1;
}

/* The "entered <stage>" / "进入<阶段>日期" columns of @header. */
static gboolean
find_history_columns (Pass                *pass,
                      const char * const  *header,
                      guint                n,
                      GError             **error)
{
  pass->history_columns = g_array_new (FALSE, FALSE, sizeof (HistoryColumn));
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (sp_csv_strip_neutraliser (header[c])));
      g_autofree char *name = NULL;
      HistoryColumn hc = { (int) c, 0 };
      int stage;

      if (g_str_has_prefix (cell, "\xef\xbb\xbf"))
        memmove (cell, cell + 3, strlen (cell + 3) + 1);
      if (g_ascii_strncasecmp (cell, "entered ", 8) == 0)
        name = g_strdup (cell + 8);
      else if (g_str_has_prefix (cell, "进入") && g_str_has_suffix (cell, "日期")
               && strlen (cell) > strlen ("进入日期"))
        name = g_strndup (cell + strlen ("进入"), strlen (cell) - strlen ("进入日期"));
      else
        continue;
      stage = find_stage (pass, name);
      if (stage < 0)
        {
          g_set_error (error, SP_OPPORTUNITY_IMPORT_ERROR,
                       SP_OPPORTUNITY_IMPORT_ERROR_STAGE_COLUMN,
                       _("Column “%s” names no pipeline stage"), cell);
          return FALSE;
        }
      hc.stage = (guint) stage;
      g_array_append_val (pass->history_columns, hc);
    }
  return TRUE;
}

/* An optional date cell as ISO into @out (empty: ""). */
static gboolean
parse_date (Pass        *pass,
            const char  *text,
            char         out[16],
            GError     **error)
{
  GDate date;

  out[0] = '\0';
  if (*text == '\0')
    return TRUE;
  if (!sp_csv_parse_date (text, pass->import->options->date_order, &date, error))
    return FALSE;
  g_date_strftime (out, 16, "%Y-%m-%d", &date);
  return TRUE;
}

static gboolean
parse_money (Pass        *pass,
             const char  *text,
             gint64      *out,
             GError     **error)
{
  *out = 0;
  if (*text == '\0')
    return TRUE;
  if (!sp_money_parse (text, pass->import->currency, out, error))
    return FALSE;
  if (*out < 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("An amount cannot be negative: “%s”"), text);
      return FALSE;
    }
  return TRUE;
}

static gint64
lookup_id (sqlite3    *db,
           const char *sql,
           const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static const char *
parse_class (const char *text)
{
  static const char * const names[][2] = {
    { "strategic", "战略客户" }, { "industry", "行业客户" }, { "scattered", "零散客户" },
  };

  if (*text == '\0')
    return "scattered";
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i][0]) == 0 || strcmp (text, names[i][1]) == 0)
      return names[i][0];
  return NULL;
}

typedef struct
{
  guint stage;
  char  day[16];
} Entry;

static int
entry_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Entry *x = a, *y = b;
  GArray *stages = user_data;
  int c = strcmp (x->day, y->day);

  if (c != 0)
    return c;
  return g_array_index (stages, Stage, x->stage).position
         - g_array_index (stages, Stage, y->stage).position;
}

#define CELL(f) sp_csv_column_map_get_value (import->map, cells, n_cells, (f))

/* Validates one record; in a commit, writes it. FALSE only on a write error. */
static gboolean
process_row (SpCsvImport         *import,
             const char * const  *cells,
             guint                n_cells,
             guint                line,
             GError             **error)
{
  Pass *pass = import->data;
  g_autoptr(GError) cell_error = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree char *title = g_strstrip (g_strdup (CELL (SP_OPPORTUNITY_CSV_TITLE)));
  g_autofree char *customer = g_strstrip (g_strdup (CELL (SP_OPPORTUNITY_CSV_CUSTOMER)));
  g_autofree char *rep = g_strstrip (g_strdup (CELL (SP_OPPORTUNITY_CSV_REP)));
  g_autofree char *grade = g_ascii_strup (g_strstrip (g_strdup (CELL (SP_OPPORTUNITY_CSV_INTENT_GRADE))), -1);
  g_autofree char *class_text = g_strstrip (g_strdup (CELL (SP_OPPORTUNITY_CSV_CUSTOMER_CLASS)));
  const char *klass = parse_class (class_text);
  char created[16], expected[16], closed[16];
  gint64 amount, invoiced, collected, rep_id, customer_id = 0, id = 0;
  const char *last_day;
  Stage *stage;
  int stage_index;

  if (*title == '\0')
    {
      sp_csv_import_reject_text (import, line, _("The title is empty"));
      return TRUE;
    }
  if (!sp_rep_lookup (import->db, rep, 0, &rep_id, error))
    return FALSE;
  if (rep_id <= 0)
    {
      g_autofree char *m = g_strdup_printf (rep_id == 0 ? _("Unknown rep “%s”")
                                                        : _("There are several reps named “%s”"),
                                            rep);
      sp_csv_import_reject_text (import, line, m);
      return TRUE;
    }
  stage_index = find_stage (pass, CELL (SP_OPPORTUNITY_CSV_STAGE));
  if (stage_index < 0)
    {
      g_autofree char *m = g_strdup_printf (_("Unknown stage “%s”"), CELL (SP_OPPORTUNITY_CSV_STAGE));
      sp_csv_import_reject_text (import, line, m);
      return TRUE;
    }
  stage = &g_array_index (pass->stages, Stage, stage_index);
  if (klass == NULL || !(grade[0] == '\0' || (strchr ("ABCD", grade[0]) != NULL && grade[1] == '\0')))
    {
      g_autofree char *m = g_strdup_printf (klass == NULL ? _("Unknown customer class “%s”")
                                            : _("Unknown intent grade “%s”"),
                                            klass == NULL ? class_text : grade);
      sp_csv_import_reject_text (import, line, m);
      return TRUE;
    }
  if (!parse_money (pass, CELL (SP_OPPORTUNITY_CSV_AMOUNT), &amount, &cell_error)
      || !parse_money (pass, CELL (SP_OPPORTUNITY_CSV_INVOICED), &invoiced, &cell_error)
      || !parse_money (pass, CELL (SP_OPPORTUNITY_CSV_COLLECTED), &collected, &cell_error)
      || !parse_date (pass, CELL (SP_OPPORTUNITY_CSV_CREATED), created, &cell_error)
      || !parse_date (pass, CELL (SP_OPPORTUNITY_CSV_EXPECTED_CLOSE), expected, &cell_error)
      || !parse_date (pass, CELL (SP_OPPORTUNITY_CSV_CLOSED), closed, &cell_error))
    {
      sp_csv_import_reject_text (import, line, cell_error->message);
      return TRUE;
    }
  if (*CELL (SP_OPPORTUNITY_CSV_AMOUNT) == '\0' || created[0] == '\0')
    {
      sp_csv_import_reject_text (import, line, *CELL (SP_OPPORTUNITY_CSV_AMOUNT) == '\0'
              ? _("The amount is empty") : _("The created date is empty"));
      return TRUE;
    }
  if (collected > invoiced)
    {
      sp_csv_import_reject_text (import, line,
                                 _("The amount collected exceeds the amount invoiced"));
      return TRUE;
    }
  if (strcmp (stage->outcome, "open") != 0 && closed[0] == '\0')
    {
      sp_csv_import_reject_text (import, line, _("A won or lost opportunity needs a closed date"));
      return TRUE;
    }
  if (strcmp (stage->outcome, "open") == 0 && closed[0] != '\0')
    {
      sp_csv_import_reject_text (import, line, _("An open opportunity cannot have a closed date"));
      return TRUE;
    }

  for (guint i = 0; i < pass->history_columns->len; i++)
    {
      HistoryColumn *hc = &g_array_index (pass->history_columns, HistoryColumn, i);
      const char *text = (guint) hc->column < n_cells ? cells[hc->column] : "";
      Entry e = { hc->stage, "" };

      if (!parse_date (pass, text, e.day, &cell_error))
        {
          sp_csv_import_reject_text (import, line, cell_error->message);
          return TRUE;
        }
      if (e.day[0] != '\0')
        g_array_append_val (entries, e);
    }
  g_array_sort_with_data (entries, entry_compare, pass->stages);
  if (entries->len == 0)
    {
      Entry first = { 0, "" }, now = { (guint) stage_index, "" };

      for (guint i = 0; i < pass->stages->len; i++)
        if (strcmp (g_array_index (pass->stages, Stage, i).outcome, "open") == 0)
          {
            first.stage = i;
            break;
          }
      g_strlcpy (first.day, created, sizeof first.day);
      g_array_append_val (entries, first);
      if (first.stage != now.stage)
        {
          g_strlcpy (now.day, closed[0] != '\0' ? closed : created, sizeof now.day);
          g_array_append_val (entries, now);
        }
    }
  else if (g_array_index (entries, Entry, entries->len - 1).stage != (guint) stage_index)
    {
      Entry now = { (guint) stage_index, "" };

      g_strlcpy (now.day, closed[0] != '\0' ? closed
                 : g_array_index (entries, Entry, entries->len - 1).day, sizeof now.day);
      g_array_append_val (entries, now);
      g_array_sort_with_data (entries, entry_compare, pass->stages);
    }
  last_day = g_array_index (entries, Entry, entries->len - 1).day;
  if (strcmp (g_array_index (entries, Entry, 0).day, created) < 0
      || (closed[0] != '\0' && strcmp (last_day, closed) > 0)
      || (expected[0] != '\0' && strcmp (expected, created) < 0))
    {
      sp_csv_import_reject_text (import, line,
                                 _("The dates are out of order (created ≤ stage dates ≤ closed)"));
      return TRUE;
    }

  if (*customer != '\0')
    {
      customer_id = lookup_id (import->db, "SELECT id FROM customer WHERE name = ?"
                               " ORDER BY id LIMIT 1", customer);
      if (customer_id == 0 && !g_hash_table_contains (pass->new_customers, customer))
        {
          g_hash_table_add (pass->new_customers, g_strdup (customer));
          g_ptr_array_add (pass->preview->new_customers, g_strdup (customer));
        }
    }
  pass->preview->total_amount += amount;
  if (!import->commit)
    return TRUE;

  if (*customer != '\0' && customer_id == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (import->db, "INSERT INTO customer"
                                                     " (name, class, intent_grade) VALUES (?, ?, ?)",
                                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, customer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, klass, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, grade, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sp_sql_set_error (import->db, error, _("Could not add the customer"));
      customer_id = sqlite3_last_insert_rowid (import->db);
    }
  {
    g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (import->db,
      "INSERT INTO opportunity (title, customer_id, rep_id, stage_id, amount, created_on,"
      " expected_close, closed_on, invoiced, collected)"
      " VALUES (?, nullif(?, 0), ?, ?, ?, ?, nullif(?, ''), nullif(?, ''), ?, ?)", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, customer_id);
    sqlite3_bind_int64 (stmt, 3, rep_id);
    sqlite3_bind_int64 (stmt, 4, stage->id);
    sqlite3_bind_int64 (stmt, 5, amount);
    sqlite3_bind_text (stmt, 6, created, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, expected, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 8, closed, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 9, invoiced);
    sqlite3_bind_int64 (stmt, 10, collected);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      return sp_sql_set_error (import->db, error, _("Could not save the opportunity"));
    id = sqlite3_last_insert_rowid (import->db);
  }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = &g_array_index (entries, Entry, i);
      g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (import->db,
        "INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_on)"
        " VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (pass->stages, Stage, e->stage).id);
      sqlite3_bind_text (stmt, 3, e->day, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sp_sql_set_error (import->db, error, _("Could not save the opportunity"));
    }
  return TRUE;
}

static gboolean
start_pass (SpCsvImport         *import,
            const char * const  *header,
            guint                n_columns,
            GError             **error)
{
  Pass *pass = import->data;

  return (!import->commit || sp_opportunity_ensure_stages (import->store, error))
         && load_stages (pass, error)
         && find_history_columns (pass, header, n_columns, error);
}

static void
set_error (SpCsvImportFailure   failure,
           guint64              n_rejected,
           GError             **error)
{
  if (failure == SP_CSV_IMPORT_FAILURE_EMPTY)
    g_set_error (error, SP_OPPORTUNITY_IMPORT_ERROR, SP_OPPORTUNITY_IMPORT_ERROR_EMPTY,
                 _("The file has no header row"));
  else
    g_set_error (error, SP_OPPORTUNITY_IMPORT_ERROR, SP_OPPORTUNITY_IMPORT_ERROR_REJECTED_ROWS,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%llu row was rejected; nothing was imported",
                              "%llu rows were rejected; nothing was imported",
                              n_rejected),
                 (unsigned long long) n_rejected);
}

static gpointer
pass_new (SpCsvImport *import)
{
  Pass *pass = g_new0 (Pass, 1);
  SpOpportunityPreview *preview = g_new0 (SpOpportunityPreview, 1);

  preview->rejected = g_ptr_array_new_with_free_func (sp_csv_import_rejected_row_free);
  preview->currency = g_strdup (import->currency->code);
  preview->new_customers = g_ptr_array_new_with_free_func (g_free);
  import->tally = SP_CSV_IMPORT_TALLY (preview);
  pass->import = import;
  pass->preview = preview;
  pass->new_customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return pass;
}

static gpointer
pass_free (SpCsvImport *import,
           gboolean     keep_preview)
{
  Pass *pass = import->data;
  SpOpportunityPreview *preview = keep_preview ? g_steal_pointer (&pass->preview) : NULL;

  sp_opportunity_preview_free (pass->preview);
  g_clear_pointer (&pass->stages, g_array_unref);
  g_clear_pointer (&pass->history_columns, g_array_unref);
  g_hash_table_unref (pass->new_customers);
  g_free (pass);
  return preview;
}

static const SpCsvImporter opportunity_importer = {
  .fields = sp_opportunity_csv_fields,
  .edit_label = N_("Import opportunities"),
  .backup_reason = "before-opportunity-import",
  .pass_new = pass_new,
  .pass_free = pass_free,
  .start = start_pass,
  .record = process_row,
  .set_error = set_error,
};

SpOpportunityPreview *
sp_opportunity_import_preview (SpStore                          *store,
                               GFile                            *file,
                               const SpOpportunityImportOptions *options,
                               GCancellable                     *cancellable,
                               GError                          **error)
{
  return sp_csv_import_run_preview (&opportunity_importer, store, file, options, NULL, NULL,
                                    cancellable, error);
}

gboolean
sp_opportunity_import_commit (SpStore                          *store,
                              GFile                            *file,
                              const SpOpportunityImportOptions *options,
                              GCancellable                     *cancellable,
                              SpOpportunityPreview            **out,
                              GError                          **error)
{
  return sp_csv_import_run_commit (&opportunity_importer, store, file, options, NULL, NULL,
                                   cancellable, (gpointer *) out, error);
}

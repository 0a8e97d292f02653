/* sp-csv-columns.c — CSV header mapping: which column feeds which field of an importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-csv.h"

static const SpCsvField history_fields[] = {
  [SP_CSV_HISTORY_DATE] = { "date", N_("Date"), TRUE,
    (const char * const[]) { "Date", "Order Date", "Day", "日期", "下单日期", "订单日期", NULL } },
  [SP_CSV_HISTORY_AMOUNT] = { "amount", N_("Amount"), TRUE,
    (const char * const[]) { "Amount", "Sales", "Revenue", "金额", "销售额", "收入", NULL } },
  [SP_CSV_HISTORY_REGION] = { "region", N_("Region"), FALSE,
    (const char * const[]) { "Region", "Area", "区域", "大区", "地区", NULL } },
  [SP_CSV_HISTORY_REP] = { "rep", N_("Sales rep"), FALSE,
    (const char * const[]) { "Rep", "Salesperson", "Sales Rep", "Owner",
                             "销售员", "业务员", "销售代表", "负责人", NULL } },
  [SP_CSV_HISTORY_PRODUCT] = { "product", N_("Product"), FALSE,
    (const char * const[]) { "Product", "Product Line", "产品", "产品线", NULL } },
  [SP_CSV_HISTORY_CUSTOMER_TYPE] = { "customer_type", N_("Customer type"), FALSE,
    (const char * const[]) { "Customer Type", "Segment", "客户类型", NULL } },
  [SP_CSV_HISTORY_CUSTOMER] = { "customer", N_("Customer"), FALSE,
    (const char * const[]) { "Customer", "Customer ID", "客户", "客户编号", NULL } },
  [SP_CSV_HISTORY_ORDER] = { "order", N_("Order"), FALSE,
    (const char * const[]) { "Order", "Order ID", "订单号", "订单编号", NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (history_fields) == SP_CSV_HISTORY_N_FIELDS);

const SpCsvField *
sp_csv_history_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (history_fields);

  return history_fields;
}

struct _SpCsvColumnMap
{
  const SpCsvField *fields;
  guint             n_fields;
  int              *columns;
  GPtrArray        *headers;     /* as in the file */
  GPtrArray        *keys;        /* header_key() of each */
  GPtrArray        *unit_keys;   /* the same without a trailing "(unit)" */
  GStrv            *field_keys;  /* field_keys() of each field */
};

/* What is left of a header for matching: NFKC (full-width forms become ASCII), case folded,
 * letters and digits only — no spaces, BOM, punctuation or symbols. */
static char *
header_key (const char *text,
            gboolean    drop_unit)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString *key = g_string_new (NULL);

  g_strstrip (nfkc);
  if (drop_unit && g_str_has_suffix (nfkc, ")"))
    {
      char *open = strrchr (nfkc, '(');

      if (open != NULL && open != nfkc)
        *open = '\0';
    }

  folded = g_utf8_casefold (nfkc, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch) || g_unichar_ismark (ch))
        g_string_append_unichar (key, ch);
    }

  return g_string_free (key, FALSE);
}

/* The keys a field answers to: its headers, id and label (also translated). */
static GStrv
field_keys (const SpCsvField *field)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  for (guint i = 0; field->headers != NULL && field->headers[i] != NULL; i++)
    {
      g_autofree char *key = header_key (field->headers[i], FALSE);

      g_strv_builder_add (keys, key);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *text = i == 0 ? field->name : i == 1 ? field->label : _(field->label);
      g_autofree char *key = header_key (text, FALSE);

      g_strv_builder_add (keys, key);
    }

  return g_strv_builder_end (keys);
}

static gboolean
field_recognises (SpCsvColumnMap *self,
                  guint           field,
                  const char     *key)
{
  return *key != '\0' && g_strv_contains ((const char * const *) self->field_keys[field], key);
}

static int
field_of_column (SpCsvColumnMap *self,
                 int             column)
{
  for (guint f = 0; f < self->n_fields; f++)
    if (self->columns[f] == column)
      return (int) f;

  return -1;
}

SpCsvColumnMap *
sp_csv_column_map_from_header (const SpCsvField    *fields,
                               guint                n_fields,
                               const char * const  *header,
                               guint                n_columns)
{
  SpCsvColumnMap *self;

  g_return_val_if_fail (fields != NULL || n_fields == 0, NULL);
  g_return_val_if_fail (header != NULL || n_columns == 0, NULL);

  self = g_new0 (SpCsvColumnMap, 1);
  self->fields = fields;
  self->n_fields = n_fields;
  self->columns = g_new (int, MAX (n_fields, 1));
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->unit_keys = g_ptr_array_new_with_free_func (g_free);

  self->field_keys = g_new0 (GStrv, MAX (n_fields, 1));
  for (guint f = 0; f < n_fields; f++)
    {
      self->columns[f] = -1;
      self->field_keys[f] = field_keys (&fields[f]);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const char *text = header[c] != NULL ? header[c] : "";

      g_ptr_array_add (self->headers, g_utf8_make_valid (text, -1));
      g_ptr_array_add (self->keys, header_key (text, FALSE));
      g_ptr_array_add (self->unit_keys, header_key (text, TRUE));
    }

  /* Exact names first, so "Amount" wins over "Amount (tax)" whichever comes first. */
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *keys = pass == 0 ? self->keys : self->unit_keys;

      for (guint f = 0; f < n_fields; f++)
        for (guint c = 0; c < n_columns && self->columns[f] < 0; c++)
          if (field_of_column (self, (int) c) < 0
              && field_recognises (self, f, g_ptr_array_index (keys, c)))
            self->columns[f] = (int) c;
    }

  return self;
}

void
sp_csv_column_map_free (SpCsvColumnMap *self)
{
  if (self == NULL)
    return;

  for (guint f = 0; f < self->n_fields; f++)
    g_strfreev (self->field_keys[f]);
  g_free (self->field_keys);
  g_free (self->columns);
  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->unit_keys);
  g_free (self);
}

guint
sp_csv_column_map_get_n_fields (SpCsvColumnMap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_fields;
}

const SpCsvField *
sp_csv_column_map_get_field (SpCsvColumnMap *self,
                             guint           field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < self->n_fields, NULL);

  return &self->fields[field];
}

int
sp_csv_column_map_get_column (SpCsvColumnMap *self,
                              guint           field)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (field < self->n_fields, -1);

  return self->columns[field];
}

int
sp_csv_column_map_find_field (SpCsvColumnMap *self,
                              const char     *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint f = 0; f < self->n_fields; f++)
    if (g_ascii_strcasecmp (self->fields[f].name, name) == 0)
      return (int) f;

  key = header_key (name, FALSE);
  for (guint f = 0; f < self->n_fields; f++)
    if (field_recognises (self, f, key))
      return (int) f;

  return -1;
}

char **
sp_csv_column_map_dup_unused_headers (SpCsvColumnMap *self)
{
  GPtrArray *unused;

  g_return_val_if_fail (self != NULL, NULL);

  unused = g_ptr_array_new ();
  for (guint c = 0; c < self->headers->len; c++)
    if (field_of_column (self, (int) c) < 0)
      g_ptr_array_add (unused, g_strdup (g_ptr_array_index (self->headers, c)));
  g_ptr_array_add (unused, NULL);

  return (char **) g_ptr_array_free (unused, FALSE);
}

/* "A, B, C" in the translation's list style. */
static char *
join_list (GPtrArray *items)
{
  /* TRANSLATORS: between the items of a list: "Date, Amount"; Chinese uses "、" */
  const char *separator = C_("list separator", ", ");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, g_ptr_array_index (items, i));
    }

  return g_string_free (text, FALSE);
}

static char *
describe_headers (SpCsvColumnMap *self)
{
  g_autoptr(GPtrArray) quoted = g_ptr_array_new_with_free_func (g_free);

  if (self->headers->len == 0)
    return g_strdup (_("none"));

  for (guint c = 0; c < self->headers->len; c++)
    g_ptr_array_add (quoted, g_strdup_printf ("“%s”", (char *) g_ptr_array_index (self->headers, c)));

  return join_list (quoted);
}

gboolean
sp_csv_column_map_set_column (SpCsvColumnMap  *self,
                              guint            field,
                              int              column,
                              GError         **error)
{
  int other;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < self->n_fields, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (column < -1 || column >= (int) self->headers->len)
    {
      g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_COLUMN,
                   g_dngettext (GETTEXT_PACKAGE, "The file has no column %d; it has %u column",
                                "The file has no column %d; it has %u columns",
                                self->headers->len),
                   column + 1, self->headers->len);
      return FALSE;
    }

  if (column >= 0 && (other = field_of_column (self, column)) >= 0)
    self->columns[other] = -1;
  self->columns[field] = column;

  return TRUE;
}

gboolean
sp_csv_column_map_apply_override (SpCsvColumnMap  *self,
                                  const char      *spec,
                                  GError         **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *key = NULL;
  const char *target;
  int field;
  int column = -1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parts = g_strsplit (spec, "=", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    {
      g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_FIELD,
                   _("“%s” is not a column choice; write it as FIELD=COLUMN, like date=Order Date"),
                   spec);
      return FALSE;
    }
  g_strstrip (parts[0]);
  target = g_strstrip (parts[1]);

  field = sp_csv_column_map_find_field (self, parts[0]);
  if (field < 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *list = NULL;

      for (guint f = 0; f < self->n_fields; f++)
        g_ptr_array_add (names, (gpointer) self->fields[f].name);
      list = join_list (names);
      g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_FIELD,
                   _("There is no field “%s”; the fields are: %s"), parts[0], list);
      return FALSE;
    }

  if (*target == '\0')
    return sp_csv_column_map_set_column (self, field, -1, error);

  for (guint c = 0; c < self->headers->len && column < 0; c++)
    if (g_str_equal (g_ptr_array_index (self->headers, c), target))
      column = (int) c;
  key = header_key (target, FALSE);
  for (guint c = 0; c < self->keys->len && column < 0 && *key != '\0'; c++)
    if (g_str_equal (g_ptr_array_index (self->keys, c), key))
      column = (int) c;
  if (column < 0 && strspn (target, "0123456789") == strlen (target))
    {
      guint64 number = g_ascii_strtoull (target, NULL, 10);

      if (number >= 1 && number <= self->headers->len)
        column = (int) number - 1;
    }

  if (column < 0)
    {
      g_autofree char *found = describe_headers (self);

      g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_COLUMN,
                   _("The file has no column “%s”; its columns are: %s"), target, found);
      return FALSE;
    }

  return sp_csv_column_map_set_column (self, field, column, error);
}

gboolean
sp_csv_column_map_validate (SpCsvColumnMap  *self,
                            GError         **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *names = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint f = 0; f < self->n_fields; f++)
    if (self->fields[f].required && self->columns[f] < 0)
      g_ptr_array_add (missing, (gpointer) _(self->fields[f].label));

  if (missing->len == 0)
    return TRUE;

  names = join_list (missing);
  found = describe_headers (self);
  /* TRANSLATORS: "No column for Date, Amount. The file’s columns: “日期”, “Sales”" */
  g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_MISSING_COLUMNS,
               g_dngettext (GETTEXT_PACKAGE, "No column for %s. The file’s columns: %s",
                            "No columns for %s. The file’s columns: %s", missing->len),
               names, found);
  return FALSE;
}

const char *
sp_csv_column_map_get_value (SpCsvColumnMap      *self,
                             const char * const  *fields,
                             guint                n_fields,
                             guint                field)
{
  int column;

  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (field < self->n_fields, "");

  column = self->columns[field];
  if (column < 0 || (guint) column >= n_fields || fields[column] == NULL)
    return "";

  return fields[column];
}

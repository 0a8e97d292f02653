/* sp-history-import-dialog-preview.c — the history import dialog's preview: its figures, the
 * rejected rows, the members the import creates and the column choosers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-history-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-history-import-dialog-private.h"

/* Names listed in a "New …" row before "and N more". */
#define MAX_NAMES_SHOWN 30

static char *
format_count (guint64 n)
{
  /* The locale's digit grouping, as the toast after the import says it: 1,000,000 */
  return sp_display_count (n);
}

static void
set_names (AdwActionRow *row,
           GPtrArray    *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; names != NULL && i < MIN (names->len, MAX_NAMES_SHOWN); i++)
    {
      if (i > 0)
        /* Translators: between the names of a list, "North, South" */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (names, i));
    }
  if (names != NULL && names->len > MAX_NAMES_SHOWN)
    {
      guint more = names->len - MAX_NAMES_SHOWN;

      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", more), more);
    }
  adw_action_row_set_subtitle (row, text->len > 0 ? text->str : _("None"));
}

void
_sp_history_import_dialog_show_preview (SpHistoryImportDialog *self)
{
  SpHistoryPreview *preview = self->preview;
  gboolean have = preview != NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();

  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), have);
  gtk_widget_set_visible (GTK_WIDGET (self->new_group), have);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_group), have && preview->rows_rejected > 0);
  if (!have)
    {
      gtk_string_list_splice (self->rejected_model, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->rejected_model)),
                              NULL);
      return;
    }

  {
    g_autofree char *rows = format_count (preview->rows_read);
    g_autofree char *accepted = format_count (preview->rows_accepted);
    g_autofree char *rejected = format_count (preview->rows_rejected);
    g_autofree char *total = sp_money_format (preview->total_amount,
                                              sp_currency_lookup (preview->currency),
                                              SP_MONEY_FORMAT_DEFAULT);

    gtk_label_set_text (self->rows_label, rows);
    gtk_label_set_text (self->accepted_label, accepted);
    gtk_label_set_text (self->rejected_label, rejected);
    gtk_label_set_text (self->total_label, total);
    if (preview->rows_rejected > 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->rejected_label), "error");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->rejected_label), "error");
  }

  set_names (self->new_regions_row, preview->new_regions);
  set_names (self->new_reps_row, preview->new_reps);
  set_names (self->new_products_row, preview->new_products);
  set_names (self->new_customer_types_row, preview->new_customer_types);

  if (preview->rows_rejected > 0)
    {
      g_autofree char *description = NULL;
      guint n = (guint) MIN (preview->rows_rejected, G_MAXUINT);

      if (preview->rows_accepted == 0)
        description = g_strdup (_("No row can be imported. Check the column mapping and the "
                                  "date order."));
      else if (preview->rows_rejected > preview->rejected->len)
        /* Translators: %u is a number of rows (more than the ones listed) */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u row cannot be imported and will be "
                                                    "skipped; the first %u are listed.",
                                                    "%u rows cannot be imported and will be "
                                                    "skipped; the first %u are listed.", n),
                                       n, preview->rejected->len);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u row cannot be imported and will be "
                                                    "skipped.",
                                                    "%u rows cannot be imported and will be "
                                                    "skipped.", n), n);
      adw_preferences_group_set_description (self->rejected_group, description);
    }

  for (guint i = 0; i < preview->rejected->len; i++)
    {
      SpHistoryRejectedRow *row = g_ptr_array_index (preview->rejected, i);

      g_ptr_array_add (messages, row->message);
    }
  g_ptr_array_add (messages, NULL);
  gtk_string_list_splice (self->rejected_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->rejected_model)),
                          (const char * const *) messages->pdata);
}

static char *
header_display_name (const char *header,
                     guint       column)
{
  if (header == NULL || *header == '\0')
    /* Translators: a column without a header; %u is its 1-based number */
    return g_strdup_printf (_("Column %u"), column + 1);
  return g_strdup (header);
}

/* The override for @field: the header when it names one column only, else the number. */
char *
_sp_history_import_dialog_mapping_spec (SpHistoryImportDialog *self,
                                        guint                  field,
                                        guint                  selected)
{
  const SpCsvField *fields = sp_csv_history_fields (NULL);
  const char *header;
  guint same = 0;

  if (selected == 0 || self->headers == NULL)
    return g_strdup_printf ("%s=", fields[field].name);

  header = self->headers[selected - 1];
  for (guint c = 0; self->headers[c] != NULL; c++)
    same += g_str_equal (self->headers[c], header);
  if (same == 1 && *header != '\0' && strspn (header, "0123456789") != strlen (header))
    return g_strdup_printf ("%s=%s", fields[field].name, header);
  return g_strdup_printf ("%s=%u", fields[field].name, selected);
}

void
_sp_history_import_dialog_show_mapping (SpHistoryImportDialog *self,
                                        const int             *columns,
                                        gboolean               headers_changed)
{
  self->updating = TRUE;
  for (guint f = 0; f < SP_CSV_HISTORY_N_FIELDS; f++)
    {
      if (headers_changed)
        {
          g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

          /* Translators: the choice of no column for a field */
          gtk_string_list_append (model, _("(None)"));
          for (guint c = 0; self->headers != NULL && self->headers[c] != NULL; c++)
            {
              g_autofree char *name = header_display_name (self->headers[c], c);

              gtk_string_list_append (model, name);
            }
          adw_combo_row_set_model (self->mapping_rows[f], G_LIST_MODEL (model));
        }
      adw_combo_row_set_selected (self->mapping_rows[f], columns[f] >= 0 ? columns[f] + 1 : 0);
    }
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), self->headers != NULL);
}

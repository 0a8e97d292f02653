/* sp-opportunity-dialog.c — adds or edits one opportunity; every rule is the model's
 * (sp_opportunity_save()), whose translated message the dialog shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-opportunity-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-model.h"
#include "sp-display.h"
#include "sp-opportunity-dialog.h"

struct _SpOpportunityDialog
{
  AdwWindow      parent_instance;

  SpPreferences *preferences;
  gint64         id;                /* 0: a new opportunity */
  gint64         initial_stage;
  GArray        *rep_ids;           /* gint64 per rep row item (0: none) */
  GPtrArray     *stages;            /* SpPipelineStage per stage row item */

  GtkLabel      *error_label;
  AdwEntryRow   *title_row;
  AdwEntryRow   *customer_row;
  AdwComboRow   *class_row;
  AdwComboRow   *grade_row;
  AdwComboRow   *rep_row;
  AdwEntryRow   *amount_row;
  AdwEntryRow   *created_row;
  AdwEntryRow   *expected_row;
  AdwComboRow   *stage_row;
  AdwEntryRow   *stage_on_row;
  AdwEntryRow   *invoiced_row;
  AdwEntryRow   *collected_row;
};

G_DEFINE_FINAL_TYPE (SpOpportunityDialog, sp_opportunity_dialog, ADW_TYPE_WINDOW)

static const char * const grades[] = { "", "A", "B", "C" };

static SpStore *
get_store (SpOpportunityDialog *self)
{
  return sp_preferences_get_store (self->preferences);
}

static const SpCurrency *
get_currency (SpOpportunityDialog *self)
{
  return sp_preferences_get_currency (self->preferences);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_money (SpOpportunityDialog *self,
           AdwEntryRow         *row,
           gint64               amount)
{
  g_autofree char *text = sp_display_money_entry (amount, get_currency (self));

  set_text (row, text);
}

/* The row's text, stripped; NULL when empty. */
static char *
get_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
get_money (SpOpportunityDialog  *self,
           AdwEntryRow          *row,
           gint64               *out,
           GError              **error)
{
  g_autofree char *text = get_text (row);

  *out = 0;
  return text == NULL || sp_money_parse (text, get_currency (self), out, error);
}

static void
fill_choices (SpOpportunityDialog *self)
{
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) grade_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reps = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stage_names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) rep_list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;

  for (int k = 0; k < SP_CUSTOMER_N_CLASSES; k++)
    gtk_string_list_append (classes, sp_customer_class_get_name (k));
  adw_combo_row_set_model (self->class_row, G_LIST_MODEL (classes));

  /* Translators: no intent grade */
  gtk_string_list_append (grade_names, C_("intent grade", "None"));
  for (guint i = 1; i < G_N_ELEMENTS (grades); i++)
    gtk_string_list_append (grade_names, grades[i]);
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grade_names));

  /* Translators: an opportunity without a rep */
  gtk_string_list_append (reps, C_("rep", "None"));
  g_array_append_val (self->rep_ids, none);
  rep_list = sp_rep_list (get_store (self), 0, &error);
  for (guint i = 0; rep_list != NULL && i < g_list_model_get_n_items (rep_list); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (rep_list, i);
      gint64 id = sp_rep_get_id (rep);

      gtk_string_list_append (reps, sp_rep_get_name (rep));
      g_array_append_val (self->rep_ids, id);
    }
  adw_combo_row_set_model (self->rep_row, G_LIST_MODEL (reps));

  self->stages = sp_opportunity_list_pipeline (get_store (self), &error);
  if (self->stages == NULL)
    self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_pipeline_stage_free);
  for (guint i = 0; i < self->stages->len; i++)
    gtk_string_list_append (stage_names,
                            ((SpPipelineStage *) g_ptr_array_index (self->stages, i))->name);
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stage_names));
  if (error != NULL)
    g_debug ("opportunity dialog: %s", error->message);
}

static void
select_stage (SpOpportunityDialog *self,
              gint64               stage_id)
{
  for (guint i = 0; i < self->stages->len; i++)
    if (((SpPipelineStage *) g_ptr_array_index (self->stages, i))->id == stage_id)
      adw_combo_row_set_selected (self->stage_row, i);
}

static void
select_rep (SpOpportunityDialog *self,
            gint64               rep_id)
{
  for (guint i = 0; i < self->rep_ids->len; i++)
    if (g_array_index (self->rep_ids, gint64, i) == rep_id)
      adw_combo_row_set_selected (self->rep_row, i);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
load (SpOpportunityDialog *self,
      GError             **error)
{
  g_autoptr(SpOpportunity) o = sp_opportunity_get (get_store (self), self->id, error);
  int klass;

  if (o == NULL)
    return FALSE;
  set_text (self->title_row, o->title);
  set_text (self->customer_row, o->customer);
  klass = sp_customer_class_from_string (o->customer_class);
  adw_combo_row_set_selected (self->class_row, klass >= 0 ? (guint) klass
                                                          : SP_CUSTOMER_CLASS_SCATTERED);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (g_strcmp0 (o->intent_grade, grades[i]) == 0)
      adw_combo_row_set_selected (self->grade_row, i);
  select_rep (self, o->rep_id);
  set_money (self, self->amount_row, o->amount);
  set_text (self->created_row, o->created_on);
  set_text (self->expected_row, o->expected_close);
  select_stage (self, o->stage_id);
  self->initial_stage = o->stage_id;
  set_money (self, self->invoiced_row, o->invoiced);
  set_money (self, self->collected_row, o->collected);
  return TRUE;
}

static void
show_error (SpOpportunityDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The "moved on" row only matters when the stage changes on an existing opportunity. */
static void
stage_changed_cb (SpOpportunityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);
  const SpPipelineStage *stage = selected < self->stages->len
                                 ? g_ptr_array_index (self->stages, selected) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->stage_on_row),
                          self->id != 0 && stage != NULL && stage->id != self->initial_stage);
}

gint64
sp_opportunity_dialog_save (SpOpportunityDialog  *self,
                            GError              **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *title = get_text (self->title_row);
  g_autofree char *customer = get_text (self->customer_row);
  g_autofree char *created = get_text (self->created_row);
  g_autofree char *expected = get_text (self->expected_row);
  g_autofree char *stage_on = get_text (self->stage_on_row);
  guint stage_index = adw_combo_row_get_selected (self->stage_row);
  guint rep_index = adw_combo_row_get_selected (self->rep_row);
  guint grade_index = adw_combo_row_get_selected (self->grade_row);
  SpOpportunityEdit edit = {
    .title = title,
    .customer = customer,
    .customer_class = (SpCustomerClass) adw_combo_row_get_selected (self->class_row),
    .intent_grade = grade_index < G_N_ELEMENTS (grades) ? grades[grade_index] : "",
    .rep_id = rep_index < self->rep_ids->len ? g_array_index (self->rep_ids, gint64, rep_index)
                                             : 0,
    .created_on = created != NULL ? created : "",
    .expected_close = expected,
    .stage_id = stage_index < self->stages->len
                ? ((SpPipelineStage *) g_ptr_array_index (self->stages, stage_index))->id : 0,
    .stage_on = stage_on,
  };
  gint64 id = 0;

  g_return_val_if_fail (SP_IS_OPPORTUNITY_DIALOG (self), 0);

  if (get_money (self, self->amount_row, &edit.amount, &local)
      && get_money (self, self->invoiced_row, &edit.invoiced, &local)
      && get_money (self, self->collected_row, &edit.collected, &local))
    id = sp_opportunity_save (get_store (self), self->id, &edit, &local);
  if (id == 0)
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  show_error (self, NULL);
  return id;
}

static void
save_clicked_cb (SpOpportunityDialog *self)
{
  if (sp_opportunity_dialog_save (self, NULL) != 0)
    gtk_window_close (GTK_WINDOW (self));
}

GtkWidget *
sp_opportunity_dialog_get_field (SpOpportunityDialog *self,
                                 const char          *name)
{
  const struct { const char *name; gpointer widget; } fields[] = {
    { "title", self->title_row }, { "customer", self->customer_row },
    { "class", self->class_row }, { "grade", self->grade_row }, { "rep", self->rep_row },
    { "amount", self->amount_row }, { "created", self->created_row },
    { "expected", self->expected_row }, { "stage", self->stage_row },
    { "stage-on", self->stage_on_row }, { "invoiced", self->invoiced_row },
    { "collected", self->collected_row }, { "error", self->error_label },
  };

  g_return_val_if_fail (SP_IS_OPPORTUNITY_DIALOG (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (name, fields[i].name) == 0)
      return GTK_WIDGET (fields[i].widget);
  return NULL;
}

GtkWidget *
sp_opportunity_dialog_new (GtkWindow     *parent,
                           SpPreferences *preferences,
                           gint64         id,
                           gint64         stage_id,
                           const char    *created_on)
{
  SpOpportunityDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = today ();

  g_return_val_if_fail (SP_IS_PREFERENCES (preferences), NULL);

  self = g_object_new (SP_TYPE_OPPORTUNITY_DIALOG, "transient-for", parent, NULL);
  self->preferences = g_object_ref (preferences);
  self->id = id;
  fill_choices (self);
  set_text (self->stage_on_row, day);
  if (id != 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Opportunity"));
      if (!load (self, &error))
        {
          show_error (self, error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (self->stage_row), FALSE);
        }
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Opportunity"));
      adw_combo_row_set_selected (self->class_row, SP_CUSTOMER_CLASS_SCATTERED);
      set_text (self->created_row, created_on != NULL ? created_on : day);
      if (stage_id != 0)
        select_stage (self, stage_id);
      self->initial_stage = 0;
    }
  g_signal_connect_swapped (self->stage_row, "notify::selected", G_CALLBACK (stage_changed_cb),
                            self);
  stage_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

static void
sp_opportunity_dialog_dispose (GObject *object)
{
  SpOpportunityDialog *self = SP_OPPORTUNITY_DIALOG (object);

  g_clear_object (&self->preferences);
  g_clear_pointer (&self->rep_ids, g_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  G_OBJECT_CLASS (sp_opportunity_dialog_parent_class)->dispose (object);
}

static void
sp_opportunity_dialog_class_init (SpOpportunityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_opportunity_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/sp-opportunity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, class_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, grade_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, rep_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, created_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, expected_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, stage_on_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, invoiced_row);
  gtk_widget_class_bind_template_child (widget_class, SpOpportunityDialog, collected_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
sp_opportunity_dialog_init (SpOpportunityDialog *self)
{
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

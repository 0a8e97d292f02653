/* sp-worksheet-page.c — the Targets view's worksheet: the page, its fields (saved when left)
 * and the model's formats; the bases are in -bases.c, the proposal, tiers and commitments in
 * -target.c, OGSMT in -ogsmt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-window.h"
#include "sp-worksheet-page-private.h"

G_DEFINE_FINAL_TYPE (SpWorksheetPage, sp_worksheet_page, SP_TYPE_PAGE)

/* Helpers shared by the page's files */

SpStore *
_sp_worksheet_page_store (SpWorksheetPage *self)
{
  return sp_page_get_store (SP_PAGE (self));
}

const SpCurrency *
_sp_worksheet_page_currency (SpWorksheetPage *self)
{
  return sp_preferences_get_currency (sp_page_get_preferences (SP_PAGE (self)));
}

char *
_sp_worksheet_page_money (SpWorksheetPage *self,
                          gint64           amount)
{
  return sp_money_format (amount, _sp_worksheet_page_currency (self), SP_MONEY_FORMAT_DEFAULT);
}

/* "+¥200,000.00" / "-¥100,000.00": an amount that is added or taken away. */
char *
_sp_worksheet_page_signed (SpWorksheetPage *self,
                           gint64           amount)
{
  g_autofree char *money = _sp_worksheet_page_money (self, amount);

  return amount > 0 ? g_strconcat ("+", money, NULL) : g_steal_pointer (&money);
}

char *
_sp_worksheet_page_entry_money (SpWorksheetPage *self,
                                gint64           amount)
{
  return sp_money_format (amount, _sp_worksheet_page_currency (self), SP_MONEY_FORMAT_NO_SYMBOL);
}

gboolean
_sp_worksheet_page_parse_money (SpWorksheetPage  *self,
                                const char       *text,
                                gint64           *out,
                                GError          **error)
{
  return sp_money_parse (text, _sp_worksheet_page_currency (self), out, error);
}

/* Basis points as a person types a percent: 850 → "8.5", -300 → "-3". */
char *
_sp_worksheet_page_percent (gint64 bp)
{
  gint64 whole = ABS (bp) / 100, hundredths = ABS (bp) % 100;
  const char *sign = bp < 0 ? "-" : "";

  if (hundredths == 0)
    return g_strdup_printf ("%s%lld", sign, (long long) whole);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%s%lld.%lld", sign, (long long) whole, (long long) hundredths / 10);
  return g_strdup_printf ("%s%lld.%02lld", sign, (long long) whole, (long long) hundredths);
}

/* "8.5", "8.5%", "-3 ％" → basis points; hundredths of a percent read like cents. */
gboolean
_sp_worksheet_page_parse_percent (const char  *text,
                                  gint64      *out_bp,
                                  GError     **error)
{
  static const SpCurrency percent = { "%", "", 2 };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (g_str_has_suffix (trimmed, "%"))
    trimmed[strlen (trimmed) - 1] = '\0';
  else if (g_str_has_suffix (trimmed, "％"))
    trimmed[strlen (trimmed) - strlen ("％")] = '\0';
  return sp_money_parse (trimmed, &percent, out_bp, error);
}

void
_sp_worksheet_page_dismiss_toast (SpWorksheetPage *self)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_weak_pointer (&self->toast);
}

void
_sp_worksheet_page_toast (SpWorksheetPage *self,
                          const char      *message,
                          gboolean         with_undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!SP_IS_WINDOW (root))
    return;
  /* One at a time: a run of refused values should not queue a minute of toasts. */
  _sp_worksheet_page_dismiss_toast (self);
  toast = adw_toast_new (message);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_set_timeout (toast, with_undo ? 8 : 6);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  sp_window_add_toast (SP_WINDOW (root), toast);
}

GtkWidget *
_sp_worksheet_page_label (const char *text,
                          float       xalign,
                          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

void
_sp_worksheet_page_show_gap (SpWorksheetPage *self,
                             GtkLabel        *label,
                             gint64           gap)
{
  g_autofree char *text = _sp_worksheet_page_signed (self, -gap);

  gtk_label_set_label (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (label), gap > 0 ? "error" : "success");
}

/* Fields */

/* A field lives as long as its widget. */
static void
field_free (gpointer  data,
            GObject  *widget)
{
  Field *f = data;

  g_free (f->loaded);
  g_free (f->message);
  g_free (f);
}

char *
_sp_worksheet_page_field_text (Field *f)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (f->widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
field_is_dirty (Field *f)
{
  g_autofree char *text = _sp_worksheet_page_field_text (f);

  return g_strcmp0 (text, f->loaded ? f->loaded : "") != 0;
}

gboolean
_sp_worksheet_page_field_has_focus (Field *f)
{
  GtkRoot *root = gtk_widget_get_root (f->widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == f->widget || gtk_widget_is_ancestor (focus, f->widget));
}

static void
field_set_message (Field      *f,
                   const char *message)
{
  g_free (f->message);
  f->message = g_strdup (message);
  gtk_widget_set_tooltip_text (f->widget, message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (f->widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (f->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (f->widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (f->widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
field_set_text (Field      *f,
                const char *text)
{
  g_free (f->loaded);
  f->loaded = g_strdup (text);

  if (GTK_IS_EDITABLE (f->widget))
    gtk_editable_set_text (GTK_EDITABLE (f->widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->widget)), text, -1);
}

void
_sp_worksheet_page_field_load (Field      *f,
                               const char *text)
{
  if (f->message != NULL || (_sp_worksheet_page_field_has_focus (f) && field_is_dirty (f)))
    return;
  if (g_strcmp0 (text, f->loaded) == 0 && !field_is_dirty (f))
    return;
  field_set_text (f, text);
}

static void
save_field (Field *f)
{
  SpWorksheetPage *self = f->page;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->disposing || self->worksheet == NULL)
    return;
  if (!field_is_dirty (f) && f->message == NULL)
    return;

  text = _sp_worksheet_page_field_text (f);
  if (!f->save (f, text, &error))
    {
      field_set_message (f, error->message);
      _sp_worksheet_page_toast (self, error->message, FALSE);
      return;
    }

  /* Show the value as the model has it now ("8.50" → "8.5"), even where nothing changed:
   * the workspace's change is emitted now rather than before the next frame, so that the
   * page has re-read the worksheet when the focus moves on. */
  field_set_message (f, NULL);
  g_clear_pointer (&f->loaded, g_free);
  field_set_text (f, "");
  g_clear_pointer (&f->loaded, g_free);
  if (!sp_workspace_flush (sp_page_get_workspace (SP_PAGE (self))) && self->worksheet != NULL)
    _sp_worksheet_page_load_all (self);
}

static void
field_leave_cb (GtkEventControllerFocus *controller,
                Field                   *f)
{
  save_field (f);
}

static void
field_activate_cb (GtkWidget *entry,
                   Field     *f)
{
  save_field (f);
  if (f->message == NULL)
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (entry)), GTK_DIR_TAB_FORWARD);
}

Field *
_sp_worksheet_page_field_new (SpWorksheetPage *self,
                              GtkWidget       *widget,
                              FieldSaveFunc    save)
{
  Field *f = g_new0 (Field, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  f->page = self;
  f->widget = widget;
  f->save = save;
  g_object_weak_ref (G_OBJECT (widget), field_free, f);

  g_signal_connect (focus, "leave", G_CALLBACK (field_leave_cb), f);
  gtk_widget_add_controller (widget, focus);
  if (GTK_IS_EDITABLE (widget))
    {
      /* Ctrl+Z is the workspace's undo: each saved field is one step of it. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      if (GTK_IS_ENTRY (widget) || GTK_IS_TEXT (widget))
        g_signal_connect (widget, "activate", G_CALLBACK (field_activate_cb), f);
    }
  return f;
}

/* The page */

void
_sp_worksheet_page_load_all (SpWorksheetPage *self)
{
  g_autofree char *year = sp_display_fiscal_year (sp_worksheet_get_fiscal_year (self->worksheet));
  g_autofree char *title = NULL;

  self->loading = TRUE;
  /* Translators: the worksheet's heading, e.g. "FY2026 Target Worksheet" */
  title = g_strdup_printf (_("%s Target Worksheet"), year);
  gtk_label_set_label (self->title_label, title);
  _sp_worksheet_page_bases_load (self);
  _sp_worksheet_page_target_load (self);
  _sp_worksheet_page_ogsmt_load (self);
  self->loading = FALSE;
}

/* While another section is shown the page only notes that it is out of date (SpPage): edits
 * in the breakdown should not pay for reading the worksheet. */
static void
sp_worksheet_page_refresh (SpPage *page)
{
  SpWorksheetPage *self = SP_WORKSHEET_PAGE (page);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->worksheet, sp_worksheet_unref);
  if (self->plan_id == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "sp-targets-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Plan Selected"));
      adw_status_page_set_description (self->empty_page,
        _("Create a plan in the Overview, then work out its target here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->worksheet = sp_worksheet_load (_sp_worksheet_page_store (self), self->plan_id, &error);
  if (self->worksheet == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("Cannot Read the Worksheet"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  _sp_worksheet_page_load_all (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* The bases' rows need the currency: they are built once the page has its workspace. */
static void
sp_worksheet_page_workspace_set (SpPage      *page,
                                 SpWorkspace *workspace)
{
  _sp_worksheet_page_bases_create (SP_WORKSHEET_PAGE (page));
}

static void
adopt_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpWorksheetPage *self = SP_WORKSHEET_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->worksheet == NULL)
    return;

  if (g_str_equal (action_name, "worksheet.adopt-proposed"))
    ok = sp_worksheet_adopt_proposed (_sp_worksheet_page_store (self), self->plan_id, &error);
  else
    ok = sp_worksheet_adopt_committed (_sp_worksheet_page_store (self), self->plan_id, &error);
  if (!ok)
    _sp_worksheet_page_toast (self, error->message, FALSE);
  else
    _sp_worksheet_page_toast (self, _("The plan’s target was changed"), TRUE);
}

static void
sp_worksheet_page_dispose (GObject *object)
{
  SpWorksheetPage *self = SP_WORKSHEET_PAGE (object);

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WORKSHEET_PAGE);
  _sp_worksheet_page_target_dispose (self);
  _sp_worksheet_page_ogsmt_dispose (self);
  g_clear_weak_pointer (&self->toast);
  g_clear_pointer (&self->worksheet, sp_worksheet_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->year_checks, g_ptr_array_unref);
  g_clear_pointer (&self->year_totals, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_worksheet_page_parent_class)->dispose (object);
}

static void
sp_worksheet_page_class_init (SpWorksheetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_worksheet_page_dispose;
  SP_PAGE_CLASS (klass)->workspace_set = sp_worksheet_page_workspace_set;
  SP_PAGE_CLASS (klass)->refresh = sp_worksheet_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-worksheet-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, years_list);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, typed_entry);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, growth_entry);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, growth_effect);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, basis_label);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, bases_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, swot_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, calc_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, proposed_label);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, proposed_note);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, adopt_proposed_button);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, tiers_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, commit_list);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, gap_words);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, adopt_committed_button);
  gtk_widget_class_bind_template_child (widget_class, SpWorksheetPage, ogsmt_box);

  gtk_widget_class_install_action (widget_class, "worksheet.adopt-proposed", NULL,
                                   adopt_activated);
  gtk_widget_class_install_action (widget_class, "worksheet.adopt-committed", NULL,
                                   adopt_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_worksheet_page_init (SpWorksheetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->year_checks = g_ptr_array_new ();
  self->year_totals = g_ptr_array_new ();
  _sp_worksheet_page_bases_init (self);
  _sp_worksheet_page_target_init (self);
  _sp_worksheet_page_ogsmt_init (self);
}

void
sp_worksheet_page_set_plan (SpWorksheetPage *self,
                            gint64           plan_id)
{
  g_return_if_fail (SP_IS_WORKSHEET_PAGE (self));

  if (self->plan_id == plan_id)
    return;
  self->plan_id = plan_id;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  sp_page_queue_refresh (SP_PAGE (self));
}

gint64
sp_worksheet_page_get_plan_id (SpWorksheetPage *self)
{
  g_return_val_if_fail (SP_IS_WORKSHEET_PAGE (self), 0);

  return self->plan_id;
}

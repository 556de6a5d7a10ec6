package id.webrana.cloud.adapter.in.faces.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/catalog.xhtml?tab=}: the catalog maintenance page, one section at a time (plans, images, promos,
 * coupons; see the {@code Catalog*Section} beans). The tab is a view parameter, kept by the view across its Ajax
 * requests.
 */
@Named
@ViewScoped
public class AdminCatalogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The sections, in the order of their tabs. */
    static final List<String> TABS = List.of("plans", "images", "promos", "coupons");

    private String tab = TABS.get(0);

    public String getTab() {
        return tab;
    }

    /** Selects a section; anything unknown shows the plans. */
    public void setTab(String tab) {
        this.tab = TABS.contains(tab) ? tab : TABS.get(0);
    }

    public int getTabIndex() {
        return TABS.indexOf(tab);
    }

    public List<String> getTabs() {
        return TABS;
    }
}

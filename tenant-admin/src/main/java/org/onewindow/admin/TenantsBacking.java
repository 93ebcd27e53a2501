package org.onewindow.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.tenant.application.DivisionChangeService;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.DivisionListChanges;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.kernel.web.Page;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.event.NodeExpandEvent;
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The console's division page ({@code /admin/tenants.xhtml}): the tree of the administrator's scope,
 * loaded a level at a time, the selected division with its service points, and the forms to add a
 * division below it, add a service point, or rename it.
 */
@Named
@ViewScoped
public class TenantsBacking implements Serializable {

    private static final String LOADING = "loading";

    private static final java.time.format.DateTimeFormatter MADE_AT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.ZONE);

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService servicePoints;

    @Inject
    DivisionChangeService divisionChanges;

    /** Where the yearly list's answers show: beside its uploader. */
    static final String LIST_UPLOAD = "console:list-upload";

    /** One change of a previewed yearly list, in words. */
    public record ListChangeRow(String kind, int line, String code, String before, String after)
            implements Serializable {}

    /** How many changes of one kind a preview holds. */
    public record KindCount(String kind, int count) implements Serializable {}

    private TreeNode<Object> root;
    private TreeNode<Object> selectedNode;
    private TenantNode selected;
    private List<ServicePointRow> points = List.of();

    private String query;
    private List<TenantNode> found;

    private String childCode;
    private String childName;
    private TenantLevel childLevel;

    private String pointName;
    private ServicePointKind pointKind;
    private String pointAddress;

    private String newName;

    private ServicePointRow pointToRename;
    private String pointNewName;

    private byte[] listFile;
    private boolean listWorkbook;
    private String listFileName;
    private String listToken;
    private List<ListChangeRow> listChanges;
    private List<KindCount> listCounts = List.of();
    private int listUnchanged;
    private List<String> listErrors = List.of();

    private String mergedCode;

    private List<DivisionChangeService.PendingChange> pendingChanges;

    public TreeNode<Object> getRoot() {
        if (root == null) {
            root = new DefaultTreeNode<>("root", null);
            Tenant home = tenants.home();
            TreeNode<Object> homeNode = node(TenantNode.of(home), root);
            homeNode.setExpanded(true);
            loadChildren(homeNode);
            select(homeNode);
        }
        return root;
    }

    public void onExpand(NodeExpandEvent event) {
        loadChildren(event.getTreeNode());
    }

    public void onSelect(NodeSelectEvent event) {
        select(event.getTreeNode());
    }

    /** Shows a division found by search (or any code of the scope) as the selected one. */
    public void show(String code) {
        try {
            selected = TenantNode.of(tenants.find(code));
            selectedNode = null;
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public void search() {
        found = query == null || query.isBlank()
                ? null
                : tenants.search(query, 0, TenantService.MAX_PAGE).stream()
                        .map(TenantNode::of)
                        .toList();
    }

    public void addChild() {
        try {
            Tenant child = tenants.create(
                    childCode, selected.code(), childLevel == null ? null : childLevel.name(), childName);
            FacesMessages.info("admin.child.added", child.name(), child.code().value());
            if (selectedNode != null) {
                loadChildren(selectedNode);
                selectedNode.setExpanded(true);
            }
            childCode = null;
            childName = null;
            childLevel = null;
        } catch (DomainException e) {
            FacesMessages.error("console:child-code", e);
        }
    }

    public void addServicePoint() {
        try {
            servicePoints.create(selected.code(), pointName, pointKind, pointAddress);
            FacesMessages.info("admin.point.added", pointName);
            pointName = null;
            pointKind = null;
            pointAddress = null;
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error("console:point-name", e);
        }
    }

    public void rename() {
        try {
            Tenant renamed = tenants.rename(selected.code(), newName, selected.version());
            selected = TenantNode.of(renamed);
            if (selectedNode != null) {
                ((DefaultTreeNode<Object>) selectedNode).setData(selected);
            }
            FacesMessages.info("admin.renamed", renamed.name());
        } catch (DomainException e) {
            FacesMessages.error("console:new-name", e);
        }
    }

    public void startPointRename(ServicePointRow point) {
        pointToRename = point;
        pointNewName = point.name();
    }

    public void renamePoint() {
        try {
            servicePoints.rename(pointToRename.id(), pointNewName, pointToRename.version());
            FacesMessages.info("admin.renamed", pointNewName);
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error("console:point-new-name", e);
        }
    }

    /**
     * Previews an uploaded yearly division list (CSV or .xlsx) against the scope: nothing changes until {@link
     * #applyList}; every bad line is listed beside the uploader.
     */
    public void uploadList(FileUploadEvent event) {
        discardList();
        listFileName = event.getFile().getFileName();
        listWorkbook =
                listFileName != null && listFileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        listFile = event.getFile().getContent();
        try {
            DivisionChangeService.Preview preview = divisionChanges.preview(listFile, listWorkbook);
            listToken = preview.token();
            listUnchanged = preview.plan().unchanged();
            listCounts = preview.plan().counts().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> new KindCount(e.getKey().name(), e.getValue()))
                    .toList();
            // Grouped by kind, in the list's order within each kind.
            listChanges = preview.plan().changes().stream()
                    .sorted(Comparator.comparing(DivisionListChanges.Change::kind))
                    .map(c -> new ListChangeRow(
                            c.kind().name(), c.line(), c.code(), describe(c.before()), describe(c.after())))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            AdminText.infoAt(LIST_UPLOAD, "divisions.list.previewed", listChanges.size(), listUnchanged);
        } catch (ImportRejectedException e) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            listErrors = e.errors().stream()
                    .map(line -> AdminText.text(
                            "divisions.list.line", line.line(), Messages.format(locale, line.key(), line.arguments())))
                    .toList();
            listFile = null;
            FacesMessages.error(LIST_UPLOAD, e);
        } catch (DomainException e) {
            listFile = null;
            FacesMessages.error(LIST_UPLOAD, e);
        }
    }

    /** Applies the previewed list as one change; a tree changed since the preview is refused, nothing applied. */
    public void applyList() {
        if (listFile == null) {
            return;
        }
        try {
            DivisionListChanges.Plan plan = divisionChanges.apply(listFile, listWorkbook, listToken);
            AdminText.infoAt(
                    LIST_UPLOAD, "divisions.list.applied", plan.changes().size(), listFileName);
            discardList();
            root = null;
            selectedNode = null;
        } catch (DomainException e) {
            FacesMessages.error(LIST_UPLOAD, e);
        }
    }

    /** Forgets the uploaded list: nothing was applied. */
    public void discardList() {
        listFile = null;
        listToken = null;
        listChanges = null;
        listCounts = List.of();
        listErrors = List.of();
        listUnchanged = 0;
    }

    /** The villages of the selected one's town that could be merged into it (撤村并居). */
    public List<TenantNode> getMergeCandidates() {
        if (selected == null || !selected.leaf() || selected.parentCode() == null) {
            return List.of();
        }
        try {
            return tenants.children(selected.parentCode()).stream()
                    .filter(t -> !t.code().value().equals(selected.code()))
                    .map(TenantNode::of)
                    .toList();
        } catch (DomainException e) {
            // A village administrator does not see its town: nothing to merge from there.
            return List.of();
        }
    }

    /** Merges the chosen village into the selected one; its staff and open cases follow (ADR 0014). */
    public void merge() {
        try {
            DivisionChangeService.Merged done = divisionChanges.merge(selected.code(), mergedCode);
            AdminText.info(
                    "divisions.merged",
                    done.merged().name(),
                    done.into().name(),
                    done.staffMoved(),
                    done.servicePointsMoved());
            mergedCode = null;
            pendingChanges = null;
            // The tree again without the merged village, the village it went into still shown.
            root = null;
            getRoot();
            selectedNode.setSelected(false);
            selectedNode = null;
            selected = TenantNode.of(done.into());
            refreshDetail();
        } catch (DomainException e) {
            FacesMessages.error("console:merged", e);
        }
    }

    /**
     * The merges and lists of the scope that can still be reverted or confirmed (a first page: there are rarely more).
     */
    public List<DivisionChangeService.PendingChange> getPendingChanges() {
        if (pendingChanges == null) {
            pendingChanges = divisionChanges.pending(0, Page.MAX_SIZE);
        }
        return pendingChanges;
    }

    /** When a change was made, in China's time, to the minute. */
    public String when(DivisionChangeService.PendingChange change) {
        return MADE_AT.format(change.madeAt());
    }

    /**
     * Reverts a merge or a yearly list not yet confirmed: the merged village is back with what moved (docs/adr/0014),
     * the list's divisions as they were (docs/adr/0025).
     */
    public void revert(DivisionChangeService.PendingChange change) {
        try {
            divisionChanges.revert(change.id().toString());
            AdminText.info(
                    "LIST".equals(change.kind()) ? "divisions.list.reverted" : "divisions.reverted",
                    change.formerName());
            afterDecision();
        } catch (DomainException e) {
            FacesMessages.error(e);
            pendingChanges = null;
        }
    }

    /** Confirms a merge or a yearly list: it can no longer be reverted. */
    public void confirm(DivisionChangeService.PendingChange change) {
        try {
            divisionChanges.confirm(change.id().toString());
            AdminText.info(
                    "LIST".equals(change.kind()) ? "divisions.list.confirmed" : "divisions.confirmed",
                    change.formerName(),
                    change.successorName());
            pendingChanges = null;
        } catch (DomainException e) {
            FacesMessages.error(e);
            pendingChanges = null;
        }
    }

    /** The tree again, the merged village back in it; the selected division shown afresh. */
    private void afterDecision() {
        pendingChanges = null;
        root = null;
        selectedNode = null;
        getRoot();
    }

    private static String describe(DivisionListChanges.State state) {
        if (state == null) {
            return "";
        }
        return state.name() + "（" + AdminText.uiTextOr("level." + state.level(), state.level()) + "，" + state.code()
                + (state.parentCode().isEmpty() ? "" : " ← " + state.parentCode()) + "）";
    }

    public List<ListChangeRow> getListChanges() {
        return listChanges;
    }

    public List<KindCount> getListCounts() {
        return listCounts;
    }

    public int getListUnchanged() {
        return listUnchanged;
    }

    public List<String> getListErrors() {
        return listErrors;
    }

    public String getListFileName() {
        return listFileName;
    }

    public String getMergedCode() {
        return mergedCode;
    }

    public void setMergedCode(String mergedCode) {
        this.mergedCode = mergedCode;
    }

    /** The levels a division below the selected one may have. */
    public List<TenantLevel> getChildLevels() {
        if (selected == null) {
            return List.of();
        }
        TenantLevel parent = TenantLevel.valueOf(selected.level());
        return java.util.Arrays.stream(TenantLevel.values())
                .filter(l -> l.mayHaveParent(parent))
                .toList();
    }

    public ServicePointKind[] getPointKinds() {
        return ServicePointKind.values();
    }

    private void select(TreeNode<Object> node) {
        if (selectedNode != null) {
            selectedNode.setSelected(false);
        }
        selectedNode = node;
        node.setSelected(true);
        selected = (TenantNode) node.getData();
        refreshDetail();
    }

    private void refreshDetail() {
        newName = selected.name();
        points = servicePoints.servicePoints(selected.code()).stream()
                .map(p -> ServicePointRow.of(p, servicePoints.windows(p.id()).size()))
                .toList();
    }

    private void loadChildren(TreeNode<Object> parent) {
        parent.getChildren().clear();
        TenantNode data = (TenantNode) parent.getData();
        List<Tenant> children = tenants.children(data.code());
        Set<String> expandable = tenants.withChildren(
                children.stream().map(t -> t.code().value()).toList());
        for (Tenant child : children) {
            TreeNode<Object> childNode = node(TenantNode.of(child), parent);
            if (expandable.contains(child.code().value())) {
                // A placeholder, so the tree offers to expand; the real children load on expand.
                new DefaultTreeNode<>(LOADING, childNode);
            }
        }
    }

    private static TreeNode<Object> node(TenantNode data, TreeNode<Object> parent) {
        return new DefaultTreeNode<>(data.leaf() ? "leaf" : "division", data, parent);
    }

    public TreeNode<Object> getSelectedNode() {
        return selectedNode;
    }

    public void setSelectedNode(TreeNode<Object> selectedNode) {
        this.selectedNode = selectedNode;
    }

    public TenantNode getSelected() {
        return selected;
    }

    public List<ServicePointRow> getPoints() {
        return points;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<TenantNode> getFound() {
        return found;
    }

    public String getChildCode() {
        return childCode;
    }

    public void setChildCode(String childCode) {
        this.childCode = childCode;
    }

    public String getChildName() {
        return childName;
    }

    public void setChildName(String childName) {
        this.childName = childName;
    }

    public TenantLevel getChildLevel() {
        return childLevel;
    }

    public void setChildLevel(TenantLevel childLevel) {
        this.childLevel = childLevel;
    }

    public String getPointName() {
        return pointName;
    }

    public void setPointName(String pointName) {
        this.pointName = pointName;
    }

    public ServicePointKind getPointKind() {
        return pointKind;
    }

    public void setPointKind(ServicePointKind pointKind) {
        this.pointKind = pointKind;
    }

    public String getPointAddress() {
        return pointAddress;
    }

    public void setPointAddress(String pointAddress) {
        this.pointAddress = pointAddress;
    }

    public ServicePointRow getPointToRename() {
        return pointToRename;
    }

    public String getPointNewName() {
        return pointNewName;
    }

    public void setPointNewName(String pointNewName) {
        this.pointNewName = pointNewName;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}

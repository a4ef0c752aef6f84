/*
 * SafeGrid map page: draws the layers Python sends, keeps them live, reports what the user does.
 *
 * Python (desktop/widgets/map_view.py) talks to this file over QWebChannel through one object,
 * `bridge`:
 *   Python -> page   bridge.layerData(id, json, token)     a layer's whole payload
 *                    bridge.layerUpdate(id, json, token)   {upsert: payload|null, remove: [ids]}
 *                    bridge.command(json)                  {op: "flyTo", args: [...], token}
 *                    (the first command after ready is {op: "configure", args: [PageConfig]}:
 *                    the live page is static and cached on disk, see desktop/maps/page.py)
 *   page -> Python   bridge.ready()                        the page is up, send the layers
 *                    bridge.featureClicked(layer, id, lon, lat)
 *                    bridge.featureHovered(layer, id, name)      ("" when the pointer leaves)
 *                    bridge.rightClicked(lon, lat, x, y)   x, y: pixels in the view
 *                    bridge.viewChanged(lat, lon, zoom)
 *                    bridge.cardAction(action, layer, id)  a button in a popup card
 *                    bridge.applied(token)                 an update or command is drawn
 *                    bridge.snapshotDrawn()                the launch snapshot is on screen
 *
 * The launch snapshot (desktop/maps/snapshot.py): when the page's URL ends in
 * #snapshot=<file URL of a script>, the page loads that script at once, without waiting for the
 * channel; it calls SafeGridMap.snapshot({config, data}), which configures the page with it,
 * unless Python has configured it first. Python checked that the snapshot is still true.
 *
 * Payloads (desktop/maps/layers.py):
 *   points    {kind: "points", columns: ["id","lon","lat",...], rows: [[...], ...]}
 *   polygons  {kind: "polygons", features: [GeoJSON Feature with string id], ...}
 *
 * Style keys a layer definition may carry (all optional):
 *   polygons  color, weight, dashArray, fillColor, fillOpacity, minZoom (hidden below),
 *             labelMinZoom, labelClass (labels at the feature's properties.lp), popupProps
 *   points    shape "circle" | "icon", radius, colorBy (column), colors {value: colour},
 *             color (no colorBy), order [values drawn last = on top], text (column shown
 *             inside an icon), iconClass, cluster {disableAtZoom, maxRadius}, tooltip (column),
 *             popup [[column, label], ...], flag (column: truthy draws a red ring, e.g. overdue)
 *   both      legend [[colour, label], ...], legendKind "dot" | "line" | "square"
 *
 * The page never reloads for an update: features are added, changed or removed in place, so
 * the zoom, the centre and an open popup stay where the user left them. A whole payload for a
 * point layer already drawn is applied in place too (unchanged rows keep their marker).
 * Tooltips, clicks and hovers are bound once per layer group, not per feature.
 * SafeGridMap.timings() returns each push's stages (parse, apply, wait for paint) for benchmarks.
 */
(function () {
    "use strict";

    const SG = {};
    let map = null;
    let cfg = null;                  // PageConfig.as_json(), from Python or the exported page
    let T = {};                      // translated UI strings from Python
    let bridge = null;
    const layers = new Map();        // layer id -> state (see defineLayer)
    let renderers = {};
    let selected = null;             // {layer, id}
    let focus = null;                // {layers: {id: Set}, dim: Set}
    let baseLayer = null;
    let legendControl = null;
    let hoverKey = "";
    let snapshotDrawn = false;       // the launch snapshot is on screen (told once the channel is up)
    let pendingSnapshot = null;      // the launch snapshot, arrived before the map was made

    const esc = (s) => String(s === null || s === undefined ? "" : s)
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

    function report(name, ...args) {
        if (bridge && typeof bridge[name] === "function") {
            bridge[name](...args);
        }
    }

    function afterPaint(token) {
        if (token) {
            requestAnimationFrame(() => report("applied", token));
        }
    }

    // -- start-up ------------------------------------------------------------------------------

    /* The live page is static (cached on disk): it starts with `config` null and Python sends
     * it over the channel ("configure") before the layers. An exported page passes it here. */
    SG.start = function (leafletMap, config, data) {
        map = leafletMap;
        window.__sgLoadId = Date.now() + ":" + Math.random();   // a reload would change it
        map.getContainer().classList.add("sg-map");
        map.createPane("sg-labels").style.zIndex = 640;
        map.getPane("sg-labels").style.pointerEvents = "none";
        // ONE canvas for every path: a canvas only hears clicks over its whole area, so a second
        // canvas on a higher pane would swallow every click meant for the grids below it.
        // Stacking inside it follows drawing order; restack() restores layer order after changes.
        const canvas = L.canvas({padding: 0.3, tolerance: 3});
        renderers = {grids: canvas, overlays: canvas, points: canvas};
        map.on("zoomend moveend", onViewChanged);
        map.on("click", () => clearSelection());
        map.on("contextmenu", (e) => {
            report("rightClicked", e.latlng.lng, e.latlng.lat,
                   Math.round(e.containerPoint.x), Math.round(e.containerPoint.y));
        });
        if (config) {
            SG.configure(config, data);
        }
        if (pendingSnapshot) {
            SG.snapshot(pendingSnapshot);
        }
        if ((!config || config.live) && typeof QWebChannel !== "undefined" && typeof qt !== "undefined") {
            new QWebChannel(qt.webChannelTransport, (channel) => {
                bridge = channel.objects.bridge;
                bridge.layerData.connect((id, text, token) => {
                    const t0 = performance.now();
                    const payload = JSON.parse(text);
                    const t1 = performance.now();
                    SG.setLayer(id, payload);
                    timed("layer", id, text.length, t0, t1, performance.now(), token);
                });
                bridge.layerUpdate.connect((id, text, token) => {
                    const t0 = performance.now();
                    const update = JSON.parse(text);
                    const t1 = performance.now();
                    SG.updateLayer(id, update);
                    timed("update", id, text.length, t0, t1, performance.now(), token);
                });
                bridge.command.connect((text) => {
                    const c = JSON.parse(text);
                    SG[c.op](...(c.args || []));
                    afterPaint(c.token);
                });
                bridge.ready();
                if (snapshotDrawn) {
                    report("snapshotDrawn");
                }
            });
        }
    };

    /* The script named by #snapshot=... in the URL, requested while the page is still loading;
     * it calls SG.snapshot when it has loaded, which may be before or after SG.start. */
    (function loadSnapshot() {
        const m = /[#&]snapshot=([^&]+)/.exec(window.location.hash);
        if (m) {
            const script = document.createElement("script");
            script.src = decodeURIComponent(m[1]);
            document.head.appendChild(script);
        }
    })();

    SG.snapshot = function (snap) {
        if (!map) {                  // the page is still loading: SG.start applies it
            pendingSnapshot = snap;
            return;
        }
        pendingSnapshot = null;
        if (cfg !== null) {          // Python configured the page first: its data is newer
            return;
        }
        SG.configure(snap.config, snap.data);
        requestAnimationFrame(() => {
            snapshotDrawn = true;
            report("snapshotDrawn");
        });
    };

    /* The district, the layer definitions, the strings and the view (see PageConfig.as_json). */
    SG.configure = function (config, data) {
        const again = cfg !== null;
        cfg = config;
        T = config.strings || {};
        if (again) {
            for (const id of Array.from(layers.keys())) {
                SG.removeLayer(id);
            }
        }
        if (config.minZoom !== undefined && config.minZoom !== map.getMinZoom()) {
            map.setMinZoom(config.minZoom);
        }
        if (config.maxZoom !== undefined && config.maxZoom !== map.getMaxZoom()) {
            map.setMaxZoom(config.maxZoom);
        }
        // The view first: its layout is cheapest before the layers and controls add to the page.
        map.getContainer().classList.add("sg-far");
        if (config.view) {
            map.setView(config.view.center, config.view.zoom, {animate: false});
        } else {
            SG.zoomToDistrict(false);
        }
        SG.setBase(config.base);
        for (const def of config.layers) {
            SG.defineLayer(def);
        }
        if (!again) {
            addControls();
        }
        for (const [id, payload] of Object.entries(data || {})) {
            SG.setLayer(id, payload);
        }
        const st = config.state || {};
        for (const id of st.hidden || []) {
            SG.setVisible(id, false);
        }
        if (st.focus) {
            SG.setFocus(st.focus);
        }
        refreshVisibility();
        refreshLegend();
    };

    // -- timings: each push's stages, for the benchmark (SafeGridMap.timings()) ------------------

    const timings = [];

    function timed(what, layer, bytes, t0, t1, t2, token) {
        // `received` and `painted`: epoch ms (Python's time.time() * 1e3 is the same clock).
        const wall = Date.now() - performance.now();   // performance.timeOrigin drifts from it
        const entry = {what: what, layer: layer, bytes: bytes, parse: t1 - t0, apply: t2 - t1, paint: 0,
                       received: wall + t0, painted: 0};
        requestAnimationFrame(() => {
            const t3 = performance.now();
            entry.paint = t3 - t2;
            entry.painted = wall + t3;
            timings.push(entry);
            if (timings.length > 500) {
                timings.splice(0, timings.length - 500);
            }
            report("applied", token);
        });
    }

    /* Every push since the last call: {what, layer, bytes, parse, apply, paint (ms), received, painted}. */
    SG.timings = () => timings.splice(0);

    // -- layers -----------------------------------------------------------------------------

    SG.defineLayer = function (def) {
        if (layers.has(def.id)) {
            SG.removeLayer(def.id);
        }
        const style = def.style || {};
        let group;
        if (def.kind === "points" && style.cluster) {
            group = L.markerClusterGroup({
                // Not chunked: a layer is drawn when setLayer returns, so "applied" means drawn.
                chunkedLoading: false,
                showCoverageOnHover: false,
                spiderfyOnMaxZoom: true,
                disableClusteringAtZoom: style.cluster.disableAtZoom || 16,
                maxClusterRadius: style.cluster.maxRadius || 45,
                iconCreateFunction: (cluster) => clusterIcon(def.id, cluster),
            });
        } else {
            group = L.featureGroup();
        }
        const state = {
            def: def, style: style, kind: def.kind, group: group, byId: new Map(), columns: [],
            col: {}, wanted: def.visible !== false, onMap: false,
            labels: new Map(), labelGroup: L.layerGroup(),
        };
        bindGroup(state);
        layers.set(def.id, state);
        refreshVisibility();
        refreshLegend();
    };

    SG.removeLayer = function (id) {
        const ls = layers.get(id);
        if (!ls) {
            return;
        }
        map.removeLayer(ls.group);
        map.removeLayer(ls.labelGroup);
        layers.delete(id);
        if (selected && selected.layer === id) {
            selected = null;
        }
        refreshLegend();
    };

    /* A layer's whole payload. Points already on the map are kept where their row is unchanged:
     * a full refresh costs a comparison per point, and only what changed is moved, restyled,
     * added or removed (in batches: markercluster's addLayers / removeLayers). */
    SG.setLayer = function (id, payload) {
        const ls = layers.get(id);
        if (!ls) {
            return;
        }
        if (ls.kind === "points" && ls.byId.size && sameRow(ls.columns, payload.columns)) {
            const added = syncPoints(ls, payload.rows);
            applyFocus(ls);
            restoreSelection(id);
            if (added) {
                restack(false);
            }
            return;
        }
        ls.group.clearLayers();
        ls.byId.clear();
        ls.labelGroup.clearLayers();
        ls.labels.clear();
        if (ls.kind === "points") {
            setColumns(ls, payload.columns);
            addPoints(ls, payload.rows.map((row) => makePoint(ls, row)));
        } else {
            for (const f of payload.features) {
                ls.group.addLayer(makeShape(ls, f));
            }
        }
        applyFocus(ls);
        restoreSelection(id);
        refreshLabels(ls);
        restack(ls.kind === "polygons");
    };

    function sameRow(a, b) {
        if (!a || !b || a.length !== b.length) {
            return false;
        }
        for (let i = 0; i < a.length; i++) {
            if (a[i] !== b[i]) {
                return false;
            }
        }
        return true;
    }

    /* New markers in `order`: the last category (e.g. red risk) lies on top of the others. */
    function addPoints(ls, made) {
        if (ls.style.order && ls.style.colorBy) {
            const c = ls.col[ls.style.colorBy];
            const rank = new Map(ls.style.order.map((v, i) => [v, i]));
            const r = (m) => (rank.has(m.sgRow[c]) ? rank.get(m.sgRow[c]) : -1);
            made.sort((a, b) => r(b) - r(a));
        }
        if (ls.group.addLayers) {
            ls.group.addLayers(made);
        } else {
            made.forEach((m) => ls.group.addLayer(m));
        }
    }

    /* Bring a point layer to `rows` in place; returns how many markers were added. */
    function syncPoints(ls, rows) {
        const seen = new Set();
        const added = [];
        const moved = [];      // clustered markers leave and re-enter their group to move
        const restyled = [];
        for (const row of rows) {
            const id = String(row[0]);
            seen.add(id);
            const old = ls.byId.get(id);
            if (!old) {
                added.push(makePoint(ls, row));
            } else if (!sameRow(old.sgRow, row)) {
                if (old.sgRow[1] !== row[1] || old.sgRow[2] !== row[2]) {
                    if (ls.style.cluster) {
                        moved.push(old);
                    } else {
                        old.setLatLng([row[2], row[1]]);
                    }
                }
                old.sgRow = row;
                restyle(ls, old);
                restyled.push(old);
            }
        }
        const gone = [];
        for (const [id, m] of ls.byId) {
            if (!seen.has(id)) {
                gone.push(m);
                ls.byId.delete(id);
            }
        }
        const out = gone.concat(moved);
        // Out of the group first, then moved: a clustered marker moving inside its group would
        // be taken out and put back on its own, one at a time.
        const many = ls.group.removeLayers && out.length > Math.max(100, ls.byId.size / 8);
        if (many) {
            ls.group.clearLayers();   // re-clustering all beats taking many out one by one
        } else if (out.length && ls.group.removeLayers) {
            ls.group.removeLayers(out);
        } else {
            out.forEach((m) => ls.group.removeLayer(m));
        }
        for (const m of moved) {
            m.setLatLng([m.sgRow[2], m.sgRow[1]]);
        }
        if (many) {
            addPoints(ls, Array.from(ls.byId.values()));
        } else if (moved.length || added.length) {
            addPoints(ls, moved.concat(added));
        }
        if (!many) {
            refreshClusterIcons(ls, restyled, moved);
        }
        return added.length;
    }

    /* A recoloured marker inside a cluster recolours the cluster's ring. */
    function refreshClusterIcons(ls, restyled, moved) {
        if (!ls.group.refreshClusters || !restyled.length) {
            return;
        }
        const skip = new Set(moved);
        const stay = restyled.filter((m) => !skip.has(m) && ls.group.hasLayer(m));
        if (stay.length) {
            ls.group.refreshClusters(stay);
        }
    }

    /* Layer order in the shared canvas: polygons in definition order, then point layers on top. */
    function restack(polygonsToo) {
        for (const kind of polygonsToo ? ["polygons", "points"] : ["points"]) {
            for (const ls of layers.values()) {
                if (!ls.onMap || ls.kind !== kind) {
                    continue;
                }
                for (const obj of ls.byId.values()) {
                    if (obj._map && obj.bringToFront) {
                        obj.bringToFront();
                    }
                }
            }
        }
        if (selected) {
            const ls = layers.get(selected.layer);
            const obj = ls && ls.byId.get(selected.id);
            if (obj && obj._map && obj.bringToFront && ls.kind === "points") {
                obj.bringToFront();
            }
        }
    }

    SG.updateLayer = function (id, update) {
        const ls = layers.get(id);
        if (!ls) {
            return;
        }
        for (const fid of update.remove || []) {
            const obj = ls.byId.get(String(fid));
            if (obj) {
                ls.group.removeLayer(obj);
                ls.byId.delete(String(fid));
                dropLabel(ls, String(fid));
            }
        }
        const up = update.upsert;
        if (up && up.kind === "points") {
            setColumns(ls, up.columns);
            const restyled = [];
            for (const row of up.rows) {
                const old = ls.byId.get(String(row[0]));
                if (old) {
                    if (!movePoint(ls, old, row)) {
                        restyled.push(old);
                    }
                } else {
                    ls.group.addLayer(makePoint(ls, row));
                }
            }
            refreshClusterIcons(ls, restyled, []);
        } else if (up) {
            for (const f of up.features) {
                const old = ls.byId.get(String(f.id));
                if (old) {
                    ls.group.removeLayer(old);
                    dropLabel(ls, String(f.id));
                }
                ls.group.addLayer(makeShape(ls, f));
            }
        }
        applyFocus(ls);
        restoreSelection(id);
        refreshLabels(ls);
        if (ls.kind === "polygons") {
            restack(true);
        }
    };

    SG.setVisible = function (id, visible) {
        const ls = layers.get(id);
        if (ls) {
            ls.wanted = !!visible;
            refreshVisibility();
            refreshLegend();
        }
    };

    function setColumns(ls, columns) {
        ls.columns = columns;
        ls.col = {};
        columns.forEach((c, i) => { ls.col[c] = i; });
    }

    function refreshVisibility() {
        if (!map) {
            return;
        }
        const z = map.getZoom();
        let polygonsAdded = false;
        for (const ls of layers.values()) {
            const show = ls.wanted && z >= (ls.style.minZoom || 0);
            if (show && !ls.onMap) {
                polygonsAdded = polygonsAdded || ls.kind === "polygons";
                map.addLayer(ls.group);
            } else if (!show && ls.onMap) {
                map.removeLayer(ls.group);
                map.removeLayer(ls.labelGroup);
            }
            ls.onMap = show;
            refreshLabels(ls);
        }
        if (polygonsAdded) {
            restack(true);
        }
    }

    function onViewChanged() {
        // Far out, badges shrink to dots (their text would bury the map): see .sg-far in the CSS.
        map.getContainer().classList.toggle("sg-far", map.getZoom() < 15);
        refreshVisibility();
        refreshLegend();
        const c = map.getCenter();
        report("viewChanged", c.lat, c.lng, map.getZoom());
    }

    // -- points -----------------------------------------------------------------------------

    function pointColour(ls, row) {
        const s = ls.style;
        if (s.colorBy && s.colors) {
            return s.colors[row[ls.col[s.colorBy]]] || s.color || "#607d8b";
        }
        return s.color || "#37474f";
    }

    function makePoint(ls, row) {
        const id = String(row[0]);
        const latlng = [row[2], row[1]];
        let m;
        if (ls.style.shape === "icon") {
            m = L.marker(latlng, {icon: pointIcon(ls, row), keyboard: false});
        } else {
            m = L.circleMarker(latlng, Object.assign({renderer: renderers.points}, circleStyle(ls, row)));
        }
        m.sgId = id;
        m.sgLayer = ls.def.id;
        m.sgRow = row;
        ls.byId.set(id, m);
        return m;
    }

    function circleStyle(ls, row, extra) {
        const flagged = ls.style.flag && row[ls.col[ls.style.flag]];
        return Object.assign({
            radius: ls.style.radius || 6,
            color: flagged ? "#b71c1c" : "#ffffff",
            weight: flagged ? 3 : 1.5,
            opacity: 1,
            fillColor: pointColour(ls, row),
            fillOpacity: 0.95,
        }, extra || {});
    }

    function pointIcon(ls, row, extraClass) {
        const s = ls.style;
        const text = s.text ? esc(row[ls.col[s.text]]) : "";
        const flagged = s.flag && row[ls.col[s.flag]] ? " sg-flagged" : "";
        return L.divIcon({
            className: "sg-icon " + (s.iconClass || "") + flagged + (extraClass ? " " + extraClass : ""),
            html: `<span style="background:${pointColour(ls, row)}">${text}</span>`,
            iconSize: null,
        });
    }

    /* Returns true when the marker moved (a clustered one re-entered its group). */
    function movePoint(ls, m, row) {
        const moved = m.sgRow[1] !== row[1] || m.sgRow[2] !== row[2];
        m.sgRow = row;
        if (moved) {
            if (ls.style.cluster) {          // a clustered marker must leave and re-enter to move
                ls.group.removeLayer(m);
                m.setLatLng([row[2], row[1]]);
                ls.group.addLayer(m);
            } else {
                m.setLatLng([row[2], row[1]]);
            }
        }
        restyle(ls, m);
        return moved;
    }

    function rowName(ls, row) {
        const c = ls.col[ls.style.tooltip || "name"];
        return c === undefined ? "" : String(row[c]);
    }

    function clusterIcon(layerId, cluster) {
        const ls = layers.get(layerId);
        const children = cluster.getAllChildMarkers();
        let colour = ls.style.color || "#37474f";
        if (ls.style.order && ls.style.colorBy) {
            let best = ls.style.order.length;
            for (const m of children) {
                const r = ls.style.order.indexOf(m.sgRow[ls.col[ls.style.colorBy]]);
                if (r >= 0 && r < best) {
                    best = r;
                }
            }
            colour = ls.style.colors[ls.style.order[best]] || colour;
        }
        const n = children.length;
        const size = n < 10 ? 30 : n < 100 ? 36 : 44;
        return L.divIcon({
            html: `<div style="border-color:${colour}"><span>${n}</span></div>`,
            className: "sg-cluster", iconSize: L.point(size, size),
        });
    }

    // -- polygons ----------------------------------------------------------------------------

    function shapeStyle(ls, extra) {
        const s = ls.style;
        return Object.assign({
            color: s.color || "#455a64", weight: s.weight || 1, dashArray: s.dashArray || null,
            fill: s.fill !== false, fillColor: s.fillColor || s.color || "#455a64",
            fillOpacity: s.fillOpacity === undefined ? 0.1 : s.fillOpacity, opacity: 0.95,
        }, extra || {});
    }

    function makeShape(ls, feature) {
        const renderer = ls.def.group === "overlays" ? renderers.overlays : renderers.grids;
        const shape = L.GeoJSON.geometryToLayer(feature, {
            pointToLayer: (_f, latlng) => L.circleMarker(latlng, {renderer: renderer, radius: ls.style.radius || 6}),
        });
        const outline = ls.style.fill === false;
        const apply = (layer) => {
            if (layer.setStyle) {
                layer.options.renderer = renderer;
                layer.setStyle(shapeStyle(ls));
            }
            if (outline && layer instanceof L.Polygon) {
                // Leaflet's canvas hit test counts a polygon's inside even when unfilled: an
                // outline (street borders drawn over their communities) answers on its stroke only.
                layer._containsPoint = function (pt) {
                    return L.Polyline.prototype._containsPoint.call(this, pt, true);
                };
            }
        };
        if (shape.eachLayer) {
            shape.eachLayer((part) => { part.sgOwner = shape; apply(part); });
        } else {
            apply(shape);
        }
        shape.feature = feature;
        shape.sgId = String(feature.id);
        shape.sgLayer = ls.def.id;
        ls.byId.set(shape.sgId, shape);
        return shape;
    }

    function anchorOf(obj) {
        if (obj.getLatLng) {
            return obj.getLatLng();
        }
        const lp = obj.feature && obj.feature.properties && obj.feature.properties.lp;
        return lp ? L.latLng(lp[1], lp[0]) : obj.getBounds().getCenter();
    }

    // -- labels (polygons, as the zoom allows) ----------------------------------------------------

    const MAX_LABELS = 400;

    function refreshLabels(ls) {
        if (ls.kind !== "polygons" || !map) {
            return;
        }
        const minZ = ls.style.labelMinZoom;
        const show = ls.onMap && minZ !== undefined && map.getZoom() >= minZ;
        if (!show) {
            if (map.hasLayer(ls.labelGroup)) {
                map.removeLayer(ls.labelGroup);
            }
            return;
        }
        const view = map.getBounds().pad(0.25);
        const keep = new Set();
        for (const [id, shape] of ls.byId) {
            if (keep.size >= MAX_LABELS) {
                break;
            }
            const p = anchorOf(shape);
            if (!view.contains(p)) {
                continue;
            }
            keep.add(id);
            if (!ls.labels.has(id)) {
                const name = (shape.feature.properties || {}).n || "";
                const label = L.marker(p, {
                    pane: "sg-labels", interactive: false, keyboard: false,
                    icon: L.divIcon({className: "sg-label " + (ls.style.labelClass || ""),
                                     html: `<span>${esc(name)}</span>`, iconSize: null}),
                });
                ls.labels.set(id, label);
                ls.labelGroup.addLayer(label);
            }
        }
        for (const id of Array.from(ls.labels.keys())) {
            if (!keep.has(id)) {
                dropLabel(ls, id);
            }
        }
        if (!map.hasLayer(ls.labelGroup)) {
            map.addLayer(ls.labelGroup);
        }
    }

    function dropLabel(ls, id) {
        const label = ls.labels.get(id);
        if (label) {
            ls.labelGroup.removeLayer(label);
            ls.labels.delete(id);
        }
    }

    // -- interaction --------------------------------------------------------------------------

    /* The feature an event came from: a marker or shape of the layer (a part of a multi-part
     * overlay feature answers for its feature). Clusters are not features. */
    function featureOf(e) {
        const obj = e.layer && (e.layer.sgOwner || e.layer);
        return obj && obj.sgId !== undefined ? obj : null;
    }

    function featureName(ls, obj) {
        return obj.sgRow ? rowName(ls, obj.sgRow) : ((obj.feature && obj.feature.properties) || {}).n || "";
    }

    /* Tooltip, click and hover for every feature of a layer, bound once on its group (events
     * bubble up from the features): nothing per feature, so thousands of points cost no closures. */
    function bindGroup(ls) {
        const g = ls.group;
        g.bindTooltip((obj) => {
            const f = obj && (obj.sgOwner || obj);
            return f && f.sgId !== undefined ? esc(featureName(ls, f)) : "";
        }, {sticky: true, direction: "top", className: "sg-tooltip", offset: [0, -6]});
        g.on("click", (e) => {
            const obj = featureOf(e);
            if (obj) {
                L.DomEvent.stopPropagation(e);
                activate(ls.def.id, obj.sgId, e.latlng || anchorOf(obj));
            }
        });
        g.on("mouseover", (e) => {
            const obj = featureOf(e);
            const key = obj ? ls.def.id + ":" + obj.sgId : "";
            if (obj && key !== hoverKey) {
                hoverKey = key;
                report("featureHovered", ls.def.id, obj.sgId, featureName(ls, obj));
            }
        });
        g.on("mouseout", (e) => {
            if (featureOf(e)) {
                hoverKey = "";
                report("featureHovered", "", "", "");
            }
        });
    }

    /* A feature was chosen (click, search): select it, show its quick card, tell Python. */
    function activate(layerId, id, latlng) {
        const ls = layers.get(layerId);
        const obj = ls && ls.byId.get(String(id));
        if (!obj) {
            return false;
        }
        SG.select(layerId, id);
        const at = latlng || anchorOf(obj);
        obj.sgClickAt = at;
        openQuickCard(ls, obj, at);
        report("featureClicked", layerId, String(id), at.lng, at.lat);
        return true;
    }

    function openQuickCard(ls, obj, at) {
        const rows = [];
        let title = "";
        if (obj.sgRow) {
            title = rowName(ls, obj.sgRow);
            for (const [column, label] of ls.style.popup || []) {
                rows.push([label, obj.sgRow[ls.col[column]]]);
            }
        } else {
            const p = obj.feature.properties || {};
            title = p.n || "";
            if (p.c) {
                rows.push([T.code || "Code", p.c]);
            }
            if (p.o) {
                rows.push([T.officer || "Officer", p.o]);
            }
            if (ls.style.popupProps) {
                for (const [k, v] of Object.entries(p.p || {})) {
                    rows.push([k, v]);
                }
            }
        }
        showPopup(at, {title: title, subtitle: ls.def.title, rows: rows});
    }

    function cardHtml(card, layerId, id) {
        let html = `<div class="sg-card"><div class="sg-card-title">${esc(card.title)}</div>`;
        if (card.subtitle) {
            html += `<div class="sg-card-sub">${esc(card.subtitle)}</div>`;
        }
        if (card.rows && card.rows.length) {
            html += "<table>" + card.rows.map(([k, v]) =>
                `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("") + "</table>";
        }
        if (card.note) {
            html += `<div class="sg-card-note">${esc(card.note)}</div>`;
        }
        if (card.actions && card.actions.length) {
            html += '<div class="sg-card-actions">' + card.actions.map(([key, label]) =>
                `<button data-action="${esc(key)}" data-layer="${esc(layerId || "")}"` +
                ` data-id="${esc(id || "")}">${esc(label)}</button>`).join("") + "</div>";
        }
        return html + "</div>";
    }

    function showPopup(latlng, card, layerId, id) {
        const popup = L.popup({maxWidth: 380, minWidth: 220, autoPanPadding: [30, 30],
                               className: "sg-popup"})
            .setLatLng(latlng).setContent(cardHtml(card, layerId, id));
        popup.sgKey = layerId ? layerId + ":" + id : "";
        popup.openOn(map);
        const el = popup.getElement();
        if (el) {
            for (const b of el.querySelectorAll("button[data-action]")) {
                L.DomEvent.on(b, "click", (e) => {
                    L.DomEvent.stop(e);
                    report("cardAction", b.dataset.action, b.dataset.layer, b.dataset.id);
                });
            }
        }
        return popup;
    }

    /* Python's full card for a feature replaces the quick one, where the user clicked. */
    SG.openCard = function (layerId, id, card) {
        const ls = layers.get(layerId);
        const obj = ls && ls.byId.get(String(id));
        if (!obj) {
            return;
        }
        showPopup(obj.sgClickAt || anchorOf(obj), card, layerId, id);
    };

    SG.openInfo = function (lat, lon, card) {
        showPopup(L.latLng(lat, lon), card);
    };

    SG.select = function (layerId, id) {
        clearSelection();
        selected = {layer: layerId, id: String(id)};
        restoreSelection(layerId);
    };

    function highlight(ls, obj, on) {
        if (obj.sgRow) {
            if (ls.style.shape === "icon") {
                obj.setIcon(pointIcon(ls, obj.sgRow, on ? "sg-selected" : ""));
            } else {
                obj.setStyle(circleStyle(ls, obj.sgRow, on ? {color: "#111", weight: 3, radius: (ls.style.radius || 6) + 3} : {}));
                if (on) {
                    obj.bringToFront();
                }
            }
        } else if (obj.setStyle) {
            obj.setStyle(on ? shapeStyle(ls, {color: "#ff6f00", weight: (ls.style.weight || 1) + 2.5, dashArray: null})
                            : focusStyle(ls, obj.sgId));
            if (on && obj.bringToFront) {
                obj.bringToFront();
                restack(false);   // the points stay above the selected grid
            }
        }
    }

    function restoreSelection(layerId) {
        if (!selected || selected.layer !== layerId) {
            return;
        }
        const ls = layers.get(layerId);
        const obj = ls && ls.byId.get(selected.id);
        if (obj) {
            highlight(ls, obj, true);
        }
    }

    function clearSelection() {
        if (!selected) {
            return;
        }
        const ls = layers.get(selected.layer);
        const obj = ls && ls.byId.get(selected.id);
        selected = null;
        if (obj) {
            highlight(ls, obj, false);
            restyle(ls, obj);
        }
    }

    function restyle(ls, obj) {
        const isSel = selected && selected.layer === ls.def.id && selected.id === obj.sgId;
        if (isSel) {
            highlight(ls, obj, true);
            return;
        }
        if (obj.sgRow) {
            const dim = focus && focus.dim.has(ls.def.id) && !inFocus(ls.def.id, obj.sgId);
            if (ls.style.shape === "icon") {
                obj.setIcon(pointIcon(ls, obj.sgRow, dim ? "sg-dim" : ""));
            } else {
                obj.setStyle(circleStyle(ls, obj.sgRow, dim ? {fillOpacity: 0.15, opacity: 0.2} : {}));
            }
        } else if (obj.setStyle) {
            obj.setStyle(focusStyle(ls, obj.sgId));
        }
    }

    // -- department filter: highlight what a department supervises --------------------------------

    function inFocus(layerId, id) {
        const set = focus && focus.layers[layerId];
        return !!(set && set.has(String(id)));
    }

    function focusStyle(ls, id) {
        if (inFocus(ls.def.id, id)) {
            return shapeStyle(ls, {fillColor: "#ffb300", fillOpacity: 0.55, color: "#e65100",
                                   weight: (ls.style.weight || 1) + 1, dashArray: null});
        }
        return shapeStyle(ls);
    }

    function applyFocus(ls) {
        if (!focus && !ls.hadFocus) {
            return;
        }
        ls.hadFocus = !!focus;
        for (const obj of ls.byId.values()) {
            restyle(ls, obj);
        }
        if (ls.group.refreshClusters) {
            ls.group.refreshClusters();
        }
    }

    /* focus: {layers: {layerId: [ids]}, dim: [layerIds whose other features fade]} or null. */
    SG.setFocus = function (f) {
        focus = f ? {layers: {}, dim: new Set(f.dim || [])} : null;
        if (f) {
            for (const [id, ids] of Object.entries(f.layers || {})) {
                focus.layers[id] = new Set(ids.map(String));
            }
        }
        for (const ls of layers.values()) {
            applyFocus(ls);
        }
    };

    // -- navigation ----------------------------------------------------------------------------

    SG.zoomToDistrict = function (animate) {
        const b = cfg.bounds;
        map.fitBounds([[b[1], b[0]], [b[3], b[2]]], {padding: [20, 20], animate: animate !== false});
    };

    /* Fly to a feature, select it and open its card (search results, Python's search). */
    SG.flyTo = function (layerId, id) {
        const ls = layers.get(layerId);
        const obj = ls && ls.byId.get(String(id));
        if (!obj) {
            return false;
        }
        if (!ls.wanted) {
            SG.setVisible(layerId, true);
            report("cardAction", "layerShown", layerId, "");
        }
        const done = () => activate(layerId, id, anchorOf(obj));
        if (obj.getLatLng) {
            const z = Math.max(map.getZoom(), 16, ls.style.minZoom || 0);
            map.setView(obj.getLatLng(), z, {animate: false});
            if (ls.group.zoomToShowLayer && ls.group.hasLayer(obj)) {
                ls.group.zoomToShowLayer(obj, done);
                return true;
            }
        } else {
            map.fitBounds(obj.getBounds(), {maxZoom: 17, padding: [40, 40], animate: false});
            if (map.getZoom() < (ls.style.minZoom || 0)) {
                map.setZoom(ls.style.minZoom, {animate: false});
            }
        }
        refreshVisibility();
        done();
        return true;
    };

    SG.setView = function (lat, lon, zoom) {
        map.setView([lat, lon], zoom, {animate: false});
        refreshVisibility();
    };

    SG.setBase = function (base) {
        if (baseLayer) {
            map.removeLayer(baseLayer);
            baseLayer = null;
        }
        map.getContainer().classList.toggle("sg-no-base", !base);
        if (base && base.url) {
            baseLayer = L.tileLayer(base.url, {
                minZoom: cfg.minZoom, maxZoom: cfg.maxZoom, maxNativeZoom: base.maxNativeZoom || 18,
                minNativeZoom: base.minZoom || 0, attribution: base.attribution || "",
            }).addTo(map);
        }
    };

    // -- controls: district button, search, legend ------------------------------------------------

    function addControls() {
        const Home = L.Control.extend({
            options: {position: "topleft"},
            onAdd: function () {
                const div = L.DomUtil.create("div", "leaflet-bar sg-home");
                const a = L.DomUtil.create("a", "", div);
                a.href = "#";
                a.title = T.zoomDistrict || "Zoom to the district";
                a.innerHTML = "⌂";
                L.DomEvent.on(a, "click", (e) => { L.DomEvent.stop(e); SG.zoomToDistrict(); });
                return div;
            },
        });
        new Home().addTo(map);
        L.control.scale({imperial: false, maxWidth: 160}).addTo(map);
        new (searchControl())().addTo(map);
        const Legend = L.Control.extend({
            options: {position: "bottomright"},
            onAdd: function () {
                const div = L.DomUtil.create("div", "sg-legend sg-panel");
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            },
        });
        legendControl = new Legend().addTo(map);
        refreshLegend();
    }

    function refreshLegend() {
        if (!legendControl || !map) {
            return;
        }
        const z = map.getZoom();
        let html = `<div class="sg-legend-title">${esc(T.legend || "Legend")}</div>`;
        for (const ls of layers.values()) {
            if (!ls.wanted || !ls.style.legend) {
                continue;
            }
            const hidden = z < (ls.style.minZoom || 0);
            const kind = ls.style.legendKind || (ls.kind === "points" ? "dot" : "line");
            for (const [colour, label] of ls.style.legend) {
                html += `<div class="sg-legend-row${hidden ? " sg-legend-off" : ""}"` +
                    (hidden ? ` title="${esc(T.zoomIn || "Zoom in to see")}"` : "") +
                    `><i class="sg-sw sg-sw-${kind}" style="--c:${colour}"></i>${esc(label)}</div>`;
            }
        }
        legendControl.getContainer().innerHTML = html;
    }

    function searchControl() {
        return L.Control.extend({
            options: {position: "topleft"},
            onAdd: function () {
                const div = L.DomUtil.create("div", "sg-search sg-panel");
                const input = L.DomUtil.create("input", "", div);
                input.type = "search";
                input.placeholder = T.search || "Search grid, enterprise, member…";
                const list = L.DomUtil.create("div", "sg-search-hits", div);
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                let timer = null;
                const go = (hit) => {
                    list.innerHTML = "";
                    SG.flyTo(hit.layer, hit.id);
                };
                let hits = [];
                const run = () => {
                    hits = SG.search(input.value, 15);
                    list.innerHTML = hits.map((h, i) =>
                        `<div class="sg-hit" data-i="${i}"><b>${esc(h.name)}</b><span>${esc(h.title)}</span></div>`
                    ).join("") || (input.value.trim() ? `<div class="sg-nohit">${esc(T.noMatch || "No match")}</div>` : "");
                    for (const el of list.querySelectorAll(".sg-hit")) {
                        L.DomEvent.on(el, "click", () => go(hits[Number(el.dataset.i)]));
                    }
                };
                L.DomEvent.on(input, "input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
                L.DomEvent.on(input, "keydown", (e) => {
                    if (e.key === "Enter" && hits.length) {
                        go(hits[0]);
                    } else if (e.key === "Escape") {
                        input.value = "";
                        list.innerHTML = "";
                    }
                });
                return div;
            },
        });
    }

    /* Names containing `text` in every searchable layer; exact prefixes first. */
    SG.search = function (text, limit) {
        const q = String(text || "").trim().toLowerCase();
        if (!q) {
            return [];
        }
        const hits = [];
        for (const ls of layers.values()) {
            if (!ls.def.searchable) {
                continue;
            }
            for (const [id, obj] of ls.byId) {
                let name;
                let extra = "";
                if (obj.sgRow) {
                    name = rowName(ls, obj.sgRow);
                    extra = ls.col.call_sign !== undefined ? String(obj.sgRow[ls.col.call_sign]) : "";
                } else {
                    name = (obj.feature.properties || {}).n || "";
                    extra = (obj.feature.properties || {}).c || "";
                }
                const hay = (name + " " + extra).toLowerCase();
                const at = hay.indexOf(q);
                if (at >= 0) {
                    hits.push({layer: ls.def.id, id: id, name: name, title: ls.def.title, rank: at === 0 ? 0 : 1});
                }
            }
        }
        hits.sort((a, b) => a.rank - b.rank || a.name.length - b.name.length);
        return hits.slice(0, limit || 15);
    };

    // -- introspection (tests, export) ----------------------------------------------------------

    SG.count = (id) => (layers.has(id) ? layers.get(id).byId.size : -1);
    SG.ids = (id) => (layers.has(id) ? Array.from(layers.get(id).byId.keys()) : []);
    SG.object = (id, fid) => (layers.has(id) ? layers.get(id).byId.get(String(fid)) || null : null);
    SG.layerIds = () => Array.from(layers.keys());
    SG.selection = () => selected;
    SG.view = () => ({center: [map.getCenter().lat, map.getCenter().lng], zoom: map.getZoom()});
    SG.state = () => ({
        hidden: Array.from(layers.values()).filter((l) => !l.wanted).map((l) => l.def.id),
        view: SG.view(),
    });
    /* Pixel position of a feature in the view (tests click there). */
    SG.pointOf = function (id, fid) {
        const obj = SG.object(id, fid);
        if (!obj) {
            return null;
        }
        const p = map.latLngToContainerPoint(anchorOf(obj));
        return [p.x, p.y];
    };

    window.SafeGridMap = SG;
}());

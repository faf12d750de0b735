"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap3;
    exports2.isNode = isNode;
    exports2.isPair = isPair2;
    exports2.isScalar = isScalar3;
    exports2.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy2 = new _Directives(this.yaml, this.tags);
        copy2.docStart = this.docStart;
        return copy2;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root3) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root3, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref2 = sourceObjects.get(source);
            if (typeof ref2 === "object" && ref2.anchor && (identity.isScalar(ref2.node) || identity.isCollection(ref2.node))) {
              ref2.node.anchor = ref2.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj2, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj2, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy2 = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy2.range = this.range.slice();
        return copy2;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref2 = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref2 = sourceObjects.get(value);
        if (ref2) {
          ref2.anchor ?? (ref2.anchor = onAnchor(value));
          return new Alias.Alias(ref2.anchor);
        } else {
          ref2 = { anchor: null, node: null };
          sourceObjects.set(value, ref2);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref2)
            ref2.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref2)
        ref2.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy2 = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy2.schema = schema;
        copy2.items = copy2.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy2.range = this.range.slice();
        return copy2;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj2;
      if (identity.isScalar(item)) {
        obj2 = item.value;
        let match = tags.filter((t) => t.identify?.(obj2));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj2 = item;
        tagObj = tags.find((t) => t.nodeClass && obj2 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj2?.constructor?.name ?? (obj2 === null ? "null" : typeof obj2);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey;
    exports2.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj2, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj2, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj2 instanceof Map) {
          for (const [key, value] of obj2)
            add(key, value);
        } else if (obj2 && typeof obj2 === "object") {
          for (const key of Object.keys(obj2))
            add(key, obj2[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj2, ctx) => YAMLMap.YAMLMap.from(schema, obj2, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj2, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj2 && Symbol.iterator in Object(obj2)) {
          let i = 0;
          for (let it of obj2) {
            if (typeof replacer === "function") {
              const key = obj2 instanceof Set ? it : String(i++);
              it = replacer.call(obj2, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj2, ctx) => YAMLSeq.YAMLSeq.from(schema, obj2, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int2;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int2;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy2 = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy2.tags = this.tags.slice();
        return copy2;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy2 = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy2.commentBefore = this.commentBefore;
        copy2.comment = this.comment;
        copy2.errors = this.errors.slice();
        copy2.warnings = this.warnings.slice();
        copy2.options = Object.assign({}, this.options);
        if (this.directives)
          copy2.directives = this.directives.clone();
        copy2.schema = this.schema.clone();
        copy2.contents = identity.isNode(this.contents) ? this.contents.clone(copy2.schema) : this.contents;
        if (this.range)
          copy2.range = this.range.slice();
        return copy2;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart2 = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart2 = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart2; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart2; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports2.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection;
    exports2.isScalar = isScalar3;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse;
    exports2.parseAllDocuments = parseAllDocuments;
    exports2.parseDocument = parseDocument2;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit.visit;
    exports2.visitAsync = visit.visitAsync;
  }
});

// webview/bench/timelineBench.ts
var import_node_fs2 = require("node:fs");
var import_node_os = require("node:os");
var import_node_path2 = require("node:path");

// traces/types.ts
var TRACE_FORMAT = "replication-trace";
var TRACE_VERSION = 1;
var NETWORK_ACTOR = "$network";
var EVENT_KINDS = [
  "send",
  "deliver",
  "drop",
  "timer",
  "request",
  "response",
  "crash",
  "recover",
  "partition",
  "heal",
  "cut",
  "skew",
  "state",
  "anomaly",
  "note",
  "persisted",
  "addNode",
  "failover",
  "offline",
  "online",
  "fork"
];

// traces/store.ts
var KIND_CODE = new Map(EVENT_KINDS.map((k, i) => [k, i]));
var REQUEST_CODE = KIND_CODE.get("request");
var RESPONSE_CODE = KIND_CODE.get("response");
var STATE_CODE = KIND_CODE.get("state");
var MESSAGE_CODES = {
  send: KIND_CODE.get("send"),
  deliver: KIND_CODE.get("deliver"),
  drop: KIND_CODE.get("drop")
};
var NONE = -1;
var NO_LINE_16 = 65535;
var GENERIC = 0;
var REQUEST = 1;
var RESPONSE = 2;
var DATA = 3;
function grow(array, size) {
  const bigger = new array.constructor(size);
  bigger.set(array);
  return bigger;
}
var Trace = class {
  header;
  actors;
  actorIndex = /* @__PURE__ */ new Map();
  anomalies = [];
  expectations = [];
  final = {};
  stats = { events: 0, messages: 0, dropped: 0, virtualTime: 0 };
  /** Results of a `sweep`, when the file holds them (TraceFile.sweep). */
  sweep;
  count = 0;
  capacity;
  times;
  actorCol;
  kindCol;
  causeCol;
  /** 16 bits wide (NO_LINE_16 for none) until a line needs more, then 32 (NONE for none). */
  lineCol;
  noLine = NO_LINE_16;
  /** The event's own entry in its vector clock. */
  seqCol;
  /**
   * The clock in force for the event (its actor's as of its latest merge): a full row index (>= 0),
   * `-2 - i` for light record `i`, or -1 for none (every other entry is 0).
   */
  rowCol;
  /** Light records: a full row (or -1), and the one entry that differs from it. */
  lightBase;
  lightActor;
  lightValue;
  lightCount = 0;
  /**
   * What else the event carries, in one column: a registered message's id (>= 0) for send, deliver
   * and drop events recorded with `appendMessageEvent`; -1 for nothing; otherwise `-2 - r` where
   * `r & 3` names a side table and `r >>> 2` the row in it. Most events are message events, so a
   * per-event pointer slot would mostly be empty; and requests, responses and data changes keep
   * their parts in parallel arrays rather than one object each, building that object on demand.
   */
  refCol;
  detailList = [];
  requestOps = [];
  responseOps = [];
  responseResults = [];
  dataKeys = [];
  dataBefore = [];
  dataAfter = [];
  /** Extra detail of message events (a drop's reason), by event id: rare, so kept aside. */
  messageExtras = /* @__PURE__ */ new Map();
  /** Per message (by id): sender and receiver actor indexes, interned type, payload. */
  msgFrom;
  msgTo;
  msgType;
  msgPayload = [];
  messageCount = 0;
  typeNames = [];
  typeCodes = /* @__PURE__ */ new Map();
  /** Row-major clock rows: row r's entry for actor a is at r * width + a. */
  rows;
  rowCount = 0;
  width;
  /**
   * Each actor's event ids in order, built on first use and extended as events arrive (a run being
   * recorded never asks, so appending does not pay for it): `perActor[a]` holds `perActorListed[a]`
   * ids, covering every event below `perActorIndexed`.
   */
  perActor;
  perActorListed;
  perActorIndexed = 0;
  perActorCount;
  /** Each actor's clock as of its latest event, as `rowCol` refers to it (what its next event starts from). */
  actorClock;
  constructor(header, initialCapacity = 1024) {
    this.header = header;
    this.actors = header.actors;
    header.actors.forEach((a, i) => {
      this.actorIndex.set(a.id, i);
    });
    this.width = Math.max(1, header.actors.length);
    this.capacity = Math.max(16, initialCapacity);
    this.times = new Float64Array(this.capacity);
    this.actorCol = new Uint16Array(this.capacity);
    this.kindCol = new Uint8Array(this.capacity);
    this.causeCol = new Int32Array(this.capacity);
    this.lineCol = new Uint16Array(this.capacity);
    this.seqCol = new Uint32Array(this.capacity);
    this.rowCol = new Int32Array(this.capacity);
    this.refCol = new Int32Array(this.capacity);
    this.rows = new Uint32Array(Math.max(16, this.capacity >> 4) * this.width);
    const lights = Math.max(16, this.capacity >> 2);
    this.lightBase = new Int32Array(lights);
    this.lightActor = new Uint16Array(lights);
    this.lightValue = new Uint32Array(lights);
    const m = Math.max(16, this.capacity >> 1);
    this.msgFrom = new Uint16Array(m);
    this.msgTo = new Uint16Array(m);
    this.msgType = new Uint16Array(m);
    this.perActor = header.actors.map(() => new Int32Array(16));
    this.perActorListed = new Int32Array(header.actors.length);
    this.perActorCount = new Int32Array(header.actors.length);
    this.actorClock = new Int32Array(header.actors.length).fill(NONE);
  }
  get length() {
    return this.count;
  }
  actorId(index) {
    return this.actors[index].id;
  }
  time(event) {
    return this.times[event];
  }
  /** Index into `actors` of the actor the event happened on. */
  actorOf(event) {
    return this.actorCol[event];
  }
  kind(event) {
    return EVENT_KINDS[this.kindCol[event]];
  }
  cause(event) {
    const c = this.causeCol[event];
    return c === NONE ? void 0 : c;
  }
  line(event) {
    const l = this.lineCol[event];
    return l === this.noLine ? void 0 : l;
  }
  /** Everything but the columns. Message events get a fresh object each call (id, from, to, type, payload). */
  detail(event) {
    const m = this.refCol[event];
    if (m < NONE) {
      const r = -2 - m;
      const i = r >>> 2;
      switch (r & 3) {
        case GENERIC:
          return this.detailList[i];
        case REQUEST:
          return { op: this.requestOps[i] };
        case RESPONSE:
          return { op: this.responseOps[i], result: this.responseResults[i] };
        default:
          return { key: this.dataKeys[i], before: this.dataBefore[i], after: this.dataAfter[i] };
      }
    }
    if (m === NONE) return void 0;
    const d = {
      msg: m,
      from: this.actors[this.msgFrom[m]].id,
      to: this.actors[this.msgTo[m]].id,
      type: this.typeNames[this.msgType[m]],
      payload: this.msgPayload[m]
    };
    const extra = this.messageExtras.get(event);
    return extra ? Object.assign(d, extra) : d;
  }
  /** The message id of a send, deliver or drop event, if it has one. */
  msgOf(event) {
    const m = this.refCol[event];
    if (m >= 0) return m;
    return this.genericDetail(m)?.msg;
  }
  /** The message type of a send, deliver or drop event, without building its detail. */
  msgTypeOf(event) {
    const m = this.refCol[event];
    if (m >= 0) return this.typeNames[this.msgType[m]];
    return this.genericDetail(m)?.type;
  }
  genericDetail(ref2) {
    if (ref2 >= NONE) return void 0;
    const r = -2 - ref2;
    return (r & 3) === GENERIC ? this.detailList[r >>> 2] : void 0;
  }
  /** Number of messages registered with `registerMessage`. */
  get messages() {
    return this.messageCount;
  }
  message(msg) {
    return {
      from: this.actors[this.msgFrom[msg]].id,
      to: this.actors[this.msgTo[msg]].id,
      type: this.typeNames[this.msgType[msg]],
      payload: this.msgPayload[msg]
    };
  }
  /** The event's own counter (its 1-based position among its actor's events, unless imported clocks skip). */
  seq(event) {
    return this.seqCol[event];
  }
  vcEntry(event, actor) {
    if (actor === this.actorCol[event]) return this.seqCol[event];
    return this.clockEntry(this.rowCol[event], actor);
  }
  /** Entry `actor` of a clock as `rowCol` refers to it. */
  clockEntry(ref2, actor) {
    if (ref2 >= 0) return this.rows[ref2 * this.width + actor];
    if (ref2 === NONE) return 0;
    const i = -2 - ref2;
    if (this.lightActor[i] === actor) return this.lightValue[i];
    const base = this.lightBase[i];
    return base === NONE ? 0 : this.rows[base * this.width + actor];
  }
  vc(event) {
    const out = {};
    for (let a = 0; a < this.actors.length; a++) {
      const v = this.vcEntry(event, a);
      if (v !== 0) out[this.actors[a].id] = v;
    }
    return out;
  }
  /** Number of events on an actor. */
  actorEventCount(actor) {
    return this.perActorCount[actor];
  }
  /** The id of the actor's n-th event (0-based). */
  actorEvent(actor, n) {
    if (this.perActorIndexed < this.count) this.indexActors();
    return this.perActor[actor][n];
  }
  /** Brings every actor's list of events up to the last event appended. */
  indexActors() {
    const listed = this.perActorListed;
    for (let e = this.perActorIndexed; e < this.count; e++) {
      const a = this.actorCol[e];
      let list2 = this.perActor[a];
      const n = listed[a];
      if (n === list2.length) {
        list2 = grow(list2, larger(Math.max(list2.length, this.perActorCount[a] - n)));
        this.perActor[a] = list2;
      }
      list2[n] = e;
      listed[a] = n + 1;
    }
    this.perActorIndexed = this.count;
  }
  /** Position (0-based) of an event among its actor's events. */
  positionOnActor(event) {
    if (this.perActorIndexed < this.count) this.indexActors();
    const list2 = this.perActor[this.actorCol[event]];
    let lo = 0;
    let hi = this.perActorCount[this.actorCol[event]] - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (list2[mid] < event) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The event that precedes this one on the same actor, if any. */
  previousOnActor(event) {
    const p = this.positionOnActor(event);
    return p > 0 ? this.perActor[this.actorCol[event]][p - 1] : void 0;
  }
  event(id) {
    if (id < 0 || id >= this.count) throw new RangeError(`no event ${id}: the trace has ${this.count}`);
    const e = {
      id,
      time: this.times[id],
      actor: this.actors[this.actorCol[id]].id,
      kind: this.kind(id),
      vc: this.vc(id)
    };
    const cause = this.causeCol[id];
    if (cause !== NONE) e.cause = cause;
    const line = this.lineCol[id];
    if (line !== this.noLine) e.line = line;
    const d = this.detail(id);
    if (d) Object.assign(e, d);
    return e;
  }
  *events(from = 0, to = this.count) {
    for (let i = from; i < to; i++) yield this.event(i);
  }
  /**
   * The store's columns and side tables as they are (views of the used part of each column, the
   * side-table arrays themselves: nothing is copied, so the caller must not change them).
   */
  columns() {
    const n = this.count;
    const m = this.messageCount;
    const l = this.lightCount;
    return {
      times: this.times.subarray(0, n),
      actorCol: this.actorCol.subarray(0, n),
      kindCol: this.kindCol.subarray(0, n),
      causeCol: this.causeCol.subarray(0, n),
      lineCol: this.lineCol.subarray(0, n),
      seqCol: this.seqCol.subarray(0, n),
      rowCol: this.rowCol.subarray(0, n),
      refCol: this.refCol.subarray(0, n),
      rows: this.rows.subarray(0, this.rowCount * this.width),
      lightBase: this.lightBase.subarray(0, l),
      lightActor: this.lightActor.subarray(0, l),
      lightValue: this.lightValue.subarray(0, l),
      msgFrom: this.msgFrom.subarray(0, m),
      msgTo: this.msgTo.subarray(0, m),
      msgType: this.msgType.subarray(0, m),
      typeNames: this.typeNames,
      msgPayload: this.msgPayload,
      detailList: this.detailList,
      requestOps: this.requestOps,
      responseOps: this.responseOps,
      responseResults: this.responseResults,
      dataKeys: this.dataKeys,
      dataBefore: this.dataBefore,
      dataAfter: this.dataAfter,
      messageExtras: [...this.messageExtras]
    };
  }
  /**
   * A trace made of columns another trace's `columns()` gave (after a transfer). The columns are
   * adopted, not copied. They must be consistent — `traces/transfer.ts` checks them before calling
   * this — as no query checks its indexes. Each actor's event index and clock are rebuilt.
   */
  static fromColumns(header, c) {
    const t = new this(header, 16);
    t.adoptColumns(c);
    return t;
  }
  adoptColumns(c) {
    const n = c.times.length;
    this.count = n;
    this.capacity = n;
    this.times = c.times;
    this.actorCol = c.actorCol;
    this.kindCol = c.kindCol;
    this.causeCol = c.causeCol;
    this.lineCol = c.lineCol;
    this.noLine = c.lineCol instanceof Uint16Array ? NO_LINE_16 : NONE;
    this.seqCol = c.seqCol;
    this.rowCol = c.rowCol;
    this.refCol = c.refCol;
    this.rows = c.rows;
    this.rowCount = c.rows.length / this.width;
    this.lightBase = c.lightBase;
    this.lightActor = c.lightActor;
    this.lightValue = c.lightValue;
    this.lightCount = c.lightBase.length;
    this.msgFrom = c.msgFrom;
    this.msgTo = c.msgTo;
    this.msgType = c.msgType;
    this.messageCount = c.msgFrom.length;
    this.msgPayload = c.msgPayload;
    this.typeNames.length = 0;
    this.typeCodes.clear();
    for (const name of c.typeNames) {
      this.typeCodes.set(name, this.typeNames.length);
      this.typeNames.push(name);
    }
    this.detailList = c.detailList;
    this.requestOps = c.requestOps;
    this.responseOps = c.responseOps;
    this.responseResults = c.responseResults;
    this.dataKeys = c.dataKeys;
    this.dataBefore = c.dataBefore;
    this.dataAfter = c.dataAfter;
    this.messageExtras = new Map(c.messageExtras);
    const actors = this.actors.length;
    const counts = new Int32Array(actors);
    for (let e = 0; e < n; e++) counts[c.actorCol[e]]++;
    this.perActor = Array.from({ length: actors }, (_, a) => new Int32Array(Math.max(16, counts[a])));
    this.perActorCount = new Int32Array(actors);
    this.actorClock = new Int32Array(actors).fill(NONE);
    for (let e = 0; e < n; e++) {
      const a = c.actorCol[e];
      this.perActor[a][this.perActorCount[a]++] = e;
      this.actorClock[a] = c.rowCol[e];
    }
    this.perActorListed = this.perActorCount.slice();
    this.perActorIndexed = n;
  }
  /** Bytes held by the columns and clock rows (not counting detail objects). */
  columnBytes() {
    let perActor = 0;
    for (const a of this.perActor) perActor += a.byteLength;
    return this.times.byteLength + this.actorCol.byteLength + this.kindCol.byteLength + this.causeCol.byteLength + this.lineCol.byteLength + this.seqCol.byteLength + this.rowCol.byteLength + this.rows.byteLength + this.lightBase.byteLength + this.lightActor.byteLength + this.lightValue.byteLength + this.refCol.byteLength + this.msgFrom.byteLength * 3 + this.msgPayload.length * 8 + perActor + (this.detailList.length + this.requestOps.length + this.responseOps.length * 2 + this.dataKeys.length * 3) * 8;
  }
};
var TraceRecorder = class extends Trace {
  /** The clock a merge computes, before it is known whether it needs a full row. */
  mergeScratch = new Uint32Array(this.width);
  /**
   * Record an event; returns its id. `cause` may be on any actor; its clock is merged in.
   * `vc` forces a given clock (used by importers whose logs carry their own clocks).
   */
  append(time, actor, kind, cause, line, detail, vc) {
    const id = this.appendColumns(time, actor, KIND_CODE.get(kind), cause, line, vc);
    if (detail !== void 0) this.refCol[id] = this.addGeneric(detail);
    return id;
  }
  /** A client's request: the same event as `append(..., { op })`, stored without the wrapper. */
  appendRequest(time, actor, cause, line, op) {
    const id = this.appendColumns(time, actor, REQUEST_CODE, cause, line, void 0);
    this.refCol[id] = sideRef(REQUEST, this.requestOps.length);
    this.requestOps.push(op);
    return id;
  }
  /** A response: the same event as `append(..., { op, result })`, stored without the wrapper. */
  appendResponse(time, actor, cause, line, op, result) {
    const id = this.appendColumns(time, actor, RESPONSE_CODE, cause, line, void 0);
    this.refCol[id] = sideRef(RESPONSE, this.responseOps.length);
    this.responseOps.push(op);
    this.responseResults.push(result);
    return id;
  }
  /** A change of a key's values: the same event as `append(..., { key, before, after })`. */
  appendData(time, actor, cause, line, key, before, after) {
    const id = this.appendColumns(time, actor, STATE_CODE, cause, line, void 0);
    this.refCol[id] = sideRef(DATA, this.dataKeys.length);
    this.dataKeys.push(key);
    this.dataBefore.push(before);
    this.dataAfter.push(after);
    return id;
  }
  addGeneric(detail) {
    const ref2 = sideRef(GENERIC, this.detailList.length);
    this.detailList.push(detail);
    return ref2;
  }
  /** Every column of a new event but its detail (`refCol` is left at "none"). */
  appendColumns(time, actor, kindCode, cause, line, vc) {
    const id = this.count;
    if (id === this.capacity) this.enlarge();
    this.times[id] = time;
    this.actorCol[id] = actor;
    this.kindCol[id] = kindCode;
    this.causeCol[id] = cause === void 0 ? NONE : cause;
    if (line === void 0) this.lineCol[id] = this.noLine;
    else {
      if (line >= this.noLine && this.noLine === NO_LINE_16) this.widenLines();
      this.lineCol[id] = line;
    }
    this.refCol[id] = NONE;
    const n = this.perActorCount[actor];
    if (vc) {
      const row = this.newRow();
      const base = row * this.width;
      for (let a = 0; a < this.actors.length; a++) this.rows[base + a] = vc[this.actors[a].id] ?? 0;
      this.rowCol[id] = row;
      this.actorClock[actor] = row;
      this.seqCol[id] = vc[this.actors[actor].id] ?? 0;
    } else {
      this.seqCol[id] = n + 1;
      const mine = this.actorClock[actor];
      if (cause === void 0 || cause === NONE || this.actorCol[cause] === actor) this.rowCol[id] = mine;
      else this.actorClock[actor] = this.rowCol[id] = this.mergedClock(actor, n + 1, mine, cause);
    }
    this.perActorCount[actor] = n + 1;
    this.count = id + 1;
    return id;
  }
  /**
   * The clock of an event of `actor` (its `seq`-th) that merges `cause`'s clock into its own
   * (`mine`, as `rowCol` refers to it). Reuses the actor's full row when nothing but its own entry
   * changes, records a light record when one entry does, and only otherwise writes a full row.
   */
  mergedClock(actor, seq, mine, cause) {
    const w = this.width;
    const rows = this.rows;
    const causeActor = this.actorCol[cause];
    const causeSeq = this.seqCol[cause];
    let base = mine;
    let mineActor = -1;
    let mineValue = 0;
    if (mine < NONE) {
      base = this.lightBase[-2 - mine];
      mineActor = this.lightActor[-2 - mine];
      mineValue = this.lightValue[-2 - mine];
    }
    const theirs = this.rowCol[cause];
    let theirBase = theirs;
    let theirActor = -1;
    let theirValue = 0;
    if (theirs < NONE) {
      theirBase = this.lightBase[-2 - theirs];
      theirActor = this.lightActor[-2 - theirs];
      theirValue = this.lightValue[-2 - theirs];
    }
    const baseStart = base * w;
    const theirStart = theirBase * w;
    const merged = this.mergeScratch;
    let diffs = 0;
    let diffActor = 0;
    let diffValue = 0;
    for (let a = 0; a < w; a++) {
      if (a === actor) {
        merged[a] = seq;
        continue;
      }
      const b = base === NONE ? 0 : rows[baseStart + a];
      const m = a === mineActor ? mineValue : b;
      let t;
      if (a === causeActor) t = causeSeq;
      else if (a === theirActor) t = theirValue;
      else t = theirBase === NONE ? 0 : rows[theirStart + a];
      const v = t > m ? t : m;
      merged[a] = v;
      if (v !== b) {
        diffs++;
        diffActor = a;
        diffValue = v;
      }
    }
    if (diffs === 0) return base;
    if (diffs === 1) {
      const i = this.newLight();
      this.lightBase[i] = base;
      this.lightActor[i] = diffActor;
      this.lightValue[i] = diffValue;
      return -2 - i;
    }
    const row = this.newRow();
    this.rows.set(merged, row * w);
    return row;
  }
  /**
   * Register a message once; its send, deliver and drop events then refer to it by id and carry no
   * detail object of their own. Both actors must be in the trace's actor list.
   */
  registerMessage(from, to, type, payload) {
    const m = this.messageCount;
    if (m === this.msgFrom.length) {
      const size = larger(m);
      this.msgFrom = grow(this.msgFrom, size);
      this.msgTo = grow(this.msgTo, size);
      this.msgType = grow(this.msgType, size);
    }
    let code = this.typeCodes.get(type);
    if (code === void 0) {
      code = this.typeNames.length;
      this.typeNames.push(type);
      this.typeCodes.set(type, code);
    }
    this.msgFrom[m] = from;
    this.msgTo[m] = to;
    this.msgType[m] = code;
    this.msgPayload.push(payload);
    this.messageCount = m + 1;
    return m;
  }
  /** Record a send, deliver or drop of a registered message; `extra` holds e.g. a drop's reason. */
  appendMessageEvent(time, actor, kind, cause, line, msg, extra) {
    const id = this.appendColumns(time, actor, MESSAGE_CODES[kind], cause, line, void 0);
    this.refCol[id] = msg;
    if (extra) this.messageExtras.set(id, extra);
    return id;
  }
  /** Replace the detail of an event already recorded (e.g. a drop reason found at delivery time). */
  setDetail(event, detail) {
    const ref2 = this.refCol[event];
    if (ref2 >= 0) this.messageExtras.set(event, detail);
    else if (ref2 < NONE && (-2 - ref2 & 3) === GENERIC) this.detailList[-2 - ref2 >>> 2] = detail;
    else this.refCol[event] = this.addGeneric(detail);
  }
  /** Forget every event from `length` on (used when a run forks from an earlier point). */
  truncate(length) {
    if (length >= this.count) return;
    if (this.perActorIndexed < this.count) this.indexActors();
    let rowsInUse = 0;
    let lightsInUse = 0;
    for (let a = 0; a < this.actors.length; a++) {
      const list2 = this.perActor[a];
      let n = this.perActorCount[a];
      while (n > 0 && list2[n - 1] >= length) n--;
      this.perActorCount[a] = n;
      this.perActorListed[a] = n;
      this.actorClock[a] = n === 0 ? NONE : this.rowCol[list2[n - 1]];
      if (n === 0) continue;
      let ref2 = this.actorClock[a];
      if (ref2 < NONE) {
        lightsInUse = Math.max(lightsInUse, -1 - ref2);
        ref2 = this.lightBase[-2 - ref2];
      }
      if (ref2 >= 0) rowsInUse = Math.max(rowsInUse, ref2 + 1);
    }
    this.rowCount = rowsInUse;
    this.lightCount = lightsInUse;
    let messages = 0;
    const inUse = [0, 0, 0, 0];
    for (let e = 0; e < length; e++) {
      const ref2 = this.refCol[e];
      if (ref2 >= messages) messages = ref2 + 1;
      else if (ref2 < NONE) {
        const r = -2 - ref2;
        inUse[r & 3] = Math.max(inUse[r & 3], (r >>> 2) + 1);
      }
    }
    this.messageCount = messages;
    this.msgPayload.length = messages;
    this.detailList.length = inUse[GENERIC];
    this.requestOps.length = inUse[REQUEST];
    this.responseOps.length = inUse[RESPONSE];
    this.responseResults.length = inUse[RESPONSE];
    this.dataKeys.length = inUse[DATA];
    this.dataBefore.length = inUse[DATA];
    this.dataAfter.length = inUse[DATA];
    for (const e of [...this.messageExtras.keys()]) if (e >= length) this.messageExtras.delete(e);
    this.count = length;
    this.perActorIndexed = length;
  }
  /**
   * Release the slack that growth left in every column, so a finished trace holds exactly what it
   * stores. Appending afterwards still works (the columns grow again).
   */
  compact() {
    const n = this.count;
    if (roomy(this.capacity, n)) {
      this.times = this.times.slice(0, n);
      this.actorCol = this.actorCol.slice(0, n);
      this.kindCol = this.kindCol.slice(0, n);
      this.causeCol = this.causeCol.slice(0, n);
      this.lineCol = this.lineCol.slice(0, n);
      this.seqCol = this.seqCol.slice(0, n);
      this.rowCol = this.rowCol.slice(0, n);
      this.refCol = this.refCol.slice(0, n);
      this.capacity = n;
    }
    if (roomy(this.rows.length, this.rowCount * this.width))
      this.rows = this.rows.slice(0, this.rowCount * this.width);
    const l = this.lightCount;
    if (roomy(this.lightBase.length, l)) {
      this.lightBase = this.lightBase.slice(0, l);
      this.lightActor = this.lightActor.slice(0, l);
      this.lightValue = this.lightValue.slice(0, l);
    }
    const m = this.messageCount;
    if (roomy(this.msgFrom.length, m)) {
      this.msgFrom = this.msgFrom.slice(0, m);
      this.msgTo = this.msgTo.slice(0, m);
      this.msgType = this.msgType.slice(0, m);
    }
    this.perActor = this.perActor.map(
      (list2, a) => roomy(list2.length, this.perActorListed[a]) ? list2.slice(0, this.perActorListed[a]) : list2
    );
    this.msgPayload = this.msgPayload.slice();
    this.detailList = this.detailList.slice();
    this.requestOps = this.requestOps.slice();
    this.responseOps = this.responseOps.slice();
    this.responseResults = this.responseResults.slice();
    this.dataKeys = this.dataKeys.slice();
    this.dataBefore = this.dataBefore.slice();
    this.dataAfter = this.dataAfter.slice();
  }
  widenLines() {
    const wide = new Int32Array(this.capacity);
    const narrow = this.lineCol;
    for (let i = 0; i < this.count; i++) wide[i] = narrow[i] === NO_LINE_16 ? NONE : narrow[i];
    this.lineCol = wide;
    this.noLine = NONE;
  }
  newRow() {
    if ((this.rowCount + 1) * this.width > this.rows.length)
      this.rows = grow(this.rows, Math.max(16 * this.width, larger(this.rows.length)));
    return this.rowCount++;
  }
  newLight() {
    const i = this.lightCount;
    if (i === this.lightBase.length) {
      const size = larger(i);
      this.lightBase = grow(this.lightBase, size);
      this.lightActor = grow(this.lightActor, size);
      this.lightValue = grow(this.lightValue, size);
    }
    this.lightCount = i + 1;
    return i;
  }
  enlarge() {
    const size = larger(this.capacity);
    this.refCol = grow(this.refCol, size);
    this.times = grow(this.times, size);
    this.actorCol = grow(this.actorCol, size);
    this.kindCol = grow(this.kindCol, size);
    this.causeCol = grow(this.causeCol, size);
    this.lineCol = grow(this.lineCol, size);
    this.seqCol = grow(this.seqCol, size);
    this.rowCol = grow(this.rowCol, size);
    this.capacity = size;
  }
};
function larger(size) {
  return Math.max(16, size < 1 << 22 ? size * 4 : size * 2);
}
function roomy(capacity, used) {
  return capacity > used + (used >> 3);
}
function sideRef(table, index) {
  return -2 - (index << 2 | table);
}

// engine/scenario/model.ts
function allNodeIds(s) {
  const ids = s.cluster.nodes.map((n) => n.id);
  for (const e of s.events) if (e.type === "fault" && e.action.kind === "addNode") ids.push(e.action.id);
  return ids;
}

// engine/sim/distributions.ts
function normal(rng) {
  let u = 0;
  while (u === 0) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
function sample(d, rng) {
  switch (d.kind) {
    case "fixed":
      return d.ms;
    case "uniform":
      return d.min + (d.max - d.min) * rng.next();
    case "exponential":
      return -d.mean * Math.log(1 - rng.next());
    case "pareto":
      return d.min / (1 - rng.next()) ** (1 / d.alpha);
    case "lognormal":
      return d.median * Math.exp(d.sigma * normal(rng));
    case "mixture": {
      let total = 0;
      for (const p of d.parts) total += p.weight;
      let pick = rng.next() * total;
      for (const p of d.parts) {
        pick -= p.weight;
        if (pick < 0) return sample(p.of, rng);
      }
      return sample(d.parts[d.parts.length - 1].of, rng);
    }
  }
}

// engine/sim/eventQueue.ts
var EventQueue = class {
  times = new Float64Array(1024);
  seqs = new Float64Array(1024);
  items = [];
  size = 0;
  nextSeq = 0;
  get length() {
    return this.size;
  }
  push(time, item) {
    if (this.size === this.times.length) this.enlarge();
    let i = this.size++;
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    while (i > 0) {
      const parent = i - 1 >> 1;
      const pt = times[parent];
      if (pt < time || pt === time && seqs[parent] < seq) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }
  /** Time of the earliest entry (Infinity when empty). */
  peekTime() {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.times[0];
  }
  peek() {
    return this.size === 0 ? void 0 : this.items[0];
  }
  /** Removes and returns the earliest entry; `poppedTime` holds its time. */
  pop() {
    if (this.size === 0) return void 0;
    const items = this.items;
    const top = items[0];
    this.poppedTime = this.times[0];
    const last = --this.size;
    if (last > 0) {
      this.times[0] = this.times[last];
      this.seqs[0] = this.seqs[last];
      items[0] = items[last];
      this.siftDown(0);
    }
    items[last] = void 0;
    return top;
  }
  poppedTime = 0;
  /**
   * Removes every entry `drop` says to, calling `dropped` with each, and rebuilds the heap in O(n).
   * Entries keep their sequence numbers, so the order of the rest is unchanged.
   */
  removeWhere(drop, dropped) {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const item = items[i];
      if (drop(item)) {
        dropped(item);
        continue;
      }
      times[kept] = times[i];
      seqs[kept] = seqs[i];
      items[kept] = item;
      kept++;
    }
    for (let i = kept; i < this.size; i++) items[i] = void 0;
    this.size = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }
  siftDown(start) {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const size = this.size;
    const time = times[start];
    const seq = seqs[start];
    const item = items[start];
    let i = start;
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let c = l;
      if (r < size && (times[r] < times[l] || times[r] === times[l] && seqs[r] < seqs[l])) c = r;
      const ct = times[c];
      if (time < ct || time === ct && seq < seqs[c]) break;
      times[i] = ct;
      seqs[i] = seqs[c];
      items[i] = items[c];
      i = c;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }
  /** Every entry, in no particular order (for views of what is pending). */
  *entries() {
    for (let i = 0; i < this.size; i++) yield { time: this.times[i], item: this.items[i] };
  }
  enlarge() {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(n);
    s.set(this.seqs);
    this.seqs = s;
  }
};

// engine/sim/network.ts
var Network = class {
  constructor(config, actors) {
    this.config = config;
    this.actors = actors;
    const n = actors.length;
    this.cut = new Uint8Array(n * n);
    this.links = new Array(n * n);
    const index = new Map(actors.map((a, i) => [a, i]));
    for (let f = 0; f < n; f++) {
      for (let t = 0; t < n; t++) {
        this.links[f * n + t] = {
          latency: config.latency,
          drop: config.drop,
          duplicate: config.duplicate,
          stream: `net:${actors[f]}->${actors[t]}`,
          lastArrival: Number.NEGATIVE_INFINITY
        };
      }
    }
    for (const o of config.links) {
      const f = index.get(o.from);
      const t = index.get(o.to);
      if (f === void 0 || t === void 0) continue;
      const link = this.links[f * n + t];
      if (o.latency) link.latency = o.latency;
      if (o.drop !== void 0) link.drop = o.drop;
      if (o.duplicate !== void 0) link.duplicate = o.duplicate;
    }
  }
  config;
  actors;
  links;
  /** cut[from * n + to] = 1 when messages from -> to are lost. */
  cut;
  get fifo() {
    return this.config.fifo;
  }
  link(from, to) {
    return this.links[from * this.actors.length + to];
  }
  isCut(from, to) {
    return this.cut[from * this.actors.length + to] === 1;
  }
  /** Cut every link between actors of different groups; actors in no group stay connected. */
  partition(groups) {
    const changed = [];
    for (let g = 0; g < groups.length; g++) {
      for (let h = 0; h < groups.length; h++) {
        if (g === h) continue;
        for (const a of groups[g])
          for (const b of groups[h]) if (this.setCut(a, b, 1)) changed.push([a, b]);
      }
    }
    return changed;
  }
  cutLink(from, to) {
    return this.setCut(from, to, 1);
  }
  healLink(from, to) {
    return this.setCut(from, to, 0);
  }
  healAll() {
    let healed = 0;
    for (let i = 0; i < this.cut.length; i++) {
      if (this.cut[i] === 1) {
        this.cut[i] = 0;
        healed++;
      }
    }
    return healed;
  }
  /** The directed links currently cut, as actor-id pairs. */
  cutLinks() {
    const n = this.actors.length;
    const out = [];
    for (let i = 0; i < this.cut.length; i++) {
      if (this.cut[i] === 1) out.push([this.actors[Math.floor(i / n)], this.actors[i % n]]);
    }
    return out;
  }
  setCut(from, to, value) {
    const i = from * this.actors.length + to;
    if (this.cut[i] === value) return false;
    this.cut[i] = value;
    return true;
  }
};

// engine/sim/random.ts
function hash128(text2) {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text2.length; i++) {
    const k = text2.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ h1 >>> 18, 597399067);
  h2 = Math.imul(h4 ^ h2 >>> 22, 2869860233);
  h3 = Math.imul(h1 ^ h3 >>> 17, 951274213);
  h4 = Math.imul(h2 ^ h4 >>> 19, 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
var RandomStream = class {
  a;
  b;
  c;
  d;
  constructor(seed, name) {
    [this.a, this.b, this.c, this.d] = hash128(`${seed}/${name}`);
    for (let i = 0; i < 12; i++) this.next();
  }
  next() {
    const t = (this.a + this.b | 0) + this.d | 0;
    this.d = this.d + 1 | 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) | 0;
    this.c = this.c << 21 | this.c >>> 11;
    this.c = this.c + t | 0;
    return (t >>> 0) / 4294967296;
  }
};
var RandomSource = class {
  constructor(seed) {
    this.seed = seed;
  }
  seed;
  streams = /* @__PURE__ */ new Map();
  stream(name) {
    let s = this.streams.get(name);
    if (!s) {
      s = new RandomStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
};

// engine/sim/simulate.ts
var QUIET_GRACE_MS = 1e3;
var DELIVER = 1;
var TIMER = 2;
var PERSISTED = 3;
var OP_TIMEOUT = 4;
var Entry = class {
  kind = 0;
  live = false;
  periodic = false;
  actor = -1;
  cause = -1;
  line = -1;
  incarnation = 0;
  /** Timer data, persisted data, op key or (deliveries) the message payload. */
  ref = void 0;
  name = "";
  lost = "";
  /** Deliveries: the registered message id and its sender's index. */
  msg = -1;
  from = -1;
};
var ActorContext = class {
  constructor(self, rng, nodes, cluster2, scenario, versions) {
    this.self = self;
    this.rng = rng;
    this.nodes = nodes;
    this.cluster = cluster2;
    this.scenario = scenario;
    this.versions = versions;
  }
  self;
  rng;
  nodes;
  cluster;
  scenario;
  versions;
  now = 0;
  clock = 0;
  event = -1;
  line = void 0;
  spec;
  offset = 0;
  drift = 0;
  random() {
    return this.rng.next();
  }
  engineVersion(node) {
    return this.versions.get(node) ?? 1;
  }
};
var FREEZE_HANDED_OVER = typeof process !== "undefined" && process.env?.VITEST !== void 0;
function deepFreeze(value) {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
function recordedSiblings(list2) {
  const copy2 = list2.slice();
  if (FREEZE_HANDED_OVER) for (const s of copy2) deepFreeze(s);
  return copy2;
}
function handedOver(list2) {
  return FREEZE_HANDED_OVER ? deepFreeze(list2) : list2;
}
var NO_SIBLINGS = Object.freeze([]);
function recordedValue(value) {
  if (value === null || typeof value !== "object") return value;
  return structuredClone(value);
}
var Simulation = class {
  trace;
  scenario;
  family;
  queue = new EventQueue();
  /** Popped entries, ready for reuse. */
  spareEntries = [];
  /**
   * Killed entries still in the queue (cancelled timers, timeouts of answered ops). They are purged
   * once they outnumber the live ones: most timers are cancelled, and a queue full of them makes
   * every push and pop walk a deeper heap.
   */
  deadEntries = 0;
  /** The input every delivered message is handed over in (see NodeInput: inputs are not kept). */
  messageInput = { kind: "message", from: "", msg: NO_MESSAGE };
  /** Likewise for every fired timer and every completed storage write. */
  timerInput = { kind: "timer", name: "" };
  persistedInput = {
    kind: "persisted",
    data: void 0
  };
  /** Sum over executed entries of the queue's length when each was popped (see `meanQueueLength`). */
  queueLengthSum = 0;
  executed = 0;
  random;
  network;
  actors = [];
  byId = /* @__PURE__ */ new Map();
  membership = [];
  engineVersions = /* @__PURE__ */ new Map();
  periodicTimers;
  periodicMessages;
  pendingOps = /* @__PURE__ */ new Map();
  /** Zero-latency storage writes waiting for the current event's handler to return, in order. */
  immediateActors = [];
  immediateData = [];
  networkActor;
  interventions;
  maxEvents;
  until;
  lastItemTime;
  /**
   * The scenario's items in time order (stable: file order at equal times), run from `nextItem` on.
   * They stay out of the queue: a scenario can have tens of thousands, and the queue would be that
   * much deeper for the whole run. An item runs before any queued entry of the same time, as if it
   * had been queued first.
   */
  items;
  itemTimes;
  /** For client items, the client's actor index (resolved once, not per operation). */
  itemClients;
  nextItem = 0;
  timerDetails = /* @__PURE__ */ new Map();
  now = 0;
  /** Live agenda entries that are not periodic background work (what keeps a `quiet` run going). */
  busy = 0;
  currentEvent = -1;
  currentLine = -1;
  stopped;
  constructor(scenario, family, options = {}) {
    this.scenario = scenario;
    this.family = family;
    const seed = options.seed ?? scenario.seed;
    this.random = new RandomSource(seed);
    this.maxEvents = options.maxEvents ?? scenario.run.maxEvents;
    this.until = options.until ?? scenario.run.until;
    this.interventions = (options.interventions ?? []).slice().sort((a, b) => a.atEvent - b.atEvent);
    this.periodicTimers = new Set(family.periodicTimers);
    this.periodicMessages = new Set(family.periodicMessages);
    const nodeIds = allNodeIds(scenario);
    const actors = [
      ...nodeIds.map((id) => {
        const spec = scenario.cluster.nodes.find((n) => n.id === id);
        return spec ? { id, kind: "node", line: spec.line } : { id, kind: "node" };
      }),
      ...scenario.clients.map((c) => ({ id: c.id, kind: "client", line: c.line })),
      { id: NETWORK_ACTOR, kind: "network" }
    ];
    const header = {
      format: "replication-trace",
      version: 1,
      scenario: {
        title: scenario.title,
        seed,
        replication: scenario.cluster.replication,
        ...scenario.file ? { file: scenario.file } : {}
      },
      actors
    };
    this.trace = new TraceRecorder(header, Math.min(1 << 16, this.maxEvents + 16));
    this.network = new Network(
      scenario.network,
      actors.map((a) => a.id)
    );
    this.networkActor = actors.length - 1;
    for (const n of scenario.cluster.nodes) this.engineVersions.set(n.id, n.engineVersion);
    for (const e of scenario.events) {
      if (e.type === "fault" && e.action.kind === "addNode")
        this.engineVersions.set(e.action.id, e.action.engineVersion);
    }
    actors.forEach((a, index) => {
      const rt = this.makeActor(a, index);
      this.actors.push(rt);
      this.byId.set(a.id, rt);
    });
    for (const c of scenario.clients) this.byId.get(c.id).ctx.spec = c;
    for (const [node, clock] of Object.entries(scenario.clocks)) {
      const rt = this.byId.get(node);
      if (rt) {
        rt.ctx.offset = clock.offset;
        rt.ctx.drift = clock.drift;
      }
    }
    this.items = scenario.events.map((item, order) => ({ item, order })).sort((a, b) => a.item.at - b.item.at || a.order - b.order).map(({ item }) => item);
    this.itemTimes = Float64Array.from(this.items, (item) => item.at);
    this.itemClients = Int32Array.from(
      this.items,
      (item) => item.type === "client" ? this.byId.get(item.client)?.index ?? -1 : -1
    );
    this.busy += this.items.length;
    this.lastItemTime = this.items.length > 0 ? this.items[this.items.length - 1].at : 0;
    this.startActors();
  }
  makeActor(a, index) {
    const ctx = new ActorContext(
      a.id,
      this.random.stream(`${a.kind}:${a.id}`),
      this.membership,
      this.scenario.cluster,
      this.scenario,
      this.engineVersions
    );
    const rt = {
      index,
      id: a.id,
      kind: a.kind,
      up: false,
      started: false,
      incarnation: 0,
      state: void 0,
      ctx,
      out: void 0,
      timers: /* @__PURE__ */ new Map(),
      data: /* @__PURE__ */ new Map(),
      fields: /* @__PURE__ */ new Map(),
      opCounter: 0,
      storage: this.random.stream(`storage:${a.id}`)
    };
    rt.out = {
      send: (to, msg) => this.send(rt, to, msg),
      setTimer: (name, after, data) => this.setTimer(rt, name, after, data),
      cancelTimer: (name) => this.cancelTimer(rt, name),
      persist: (data) => this.persist(rt, data),
      complete: (opKey, result) => this.complete(rt, opKey, result),
      data: (key, after) => this.recordData(rt, key, after),
      field: (name, value) => this.recordField(rt, name, value),
      append: (name, item) => this.recordAppend(rt, name, item),
      truncate: (name, length) => this.recordTruncate(rt, name, length),
      descendsFrom: (line) => {
        this.currentLine = line ?? -1;
      },
      note: (text2, detail) => this.record(rt, "note", detail ? { text: text2, detail } : { text: text2 }),
      anomaly: (kind, explain, related, key) => this.record(rt, "anomaly", {
        text: explain,
        detail: { kind, explain, related: related ?? [this.currentEvent], ...key ? { key } : {} }
      })
    };
    return rt;
  }
  startActors() {
    for (const n of this.scenario.cluster.nodes) {
      const rt = this.byId.get(n.id);
      this.membership.push(n.id);
      rt.up = true;
      rt.started = true;
    }
    for (const n of this.scenario.cluster.nodes) {
      const rt = this.byId.get(n.id);
      this.prepare(rt, -1, void 0);
      rt.state = this.family.initNode(rt.ctx);
    }
    for (const c of this.scenario.clients) {
      const rt = this.byId.get(c.id);
      rt.up = true;
      rt.started = true;
      this.prepare(rt, -1, void 0);
      rt.state = this.family.initClient(rt.ctx);
    }
    for (const n of this.scenario.cluster.nodes)
      this.dispatchNode(this.byId.get(n.id), { kind: "start" }, -1, void 0);
    for (const c of this.scenario.clients)
      this.dispatchClient(this.byId.get(c.id), { kind: "start" }, -1, void 0);
  }
  // ---- running -------------------------------------------------------------------------------
  /** Runs until the scenario's stop condition, or until `eventLimit` events exist in the trace. */
  run(eventLimit = Number.POSITIVE_INFINITY) {
    const queue = this.queue;
    const trace = this.trace;
    while (!this.stopped && trace.length < eventLimit) {
      if (this.interventions.length > 0 && this.interventions[0].atEvent <= trace.length) {
        this.intervene(this.interventions.shift());
        continue;
      }
      if (trace.length >= this.maxEvents) {
        this.stop(
          "maxEvents",
          `stopped after ${trace.length} events (run.maxEvents = ${this.maxEvents}) at ${this.now}ms: the run had not finished; raise run.maxEvents or shorten the scenario`
        );
        break;
      }
      const queued = queue.peekTime();
      const itemTime = this.nextItem < this.itemTimes.length ? this.itemTimes[this.nextItem] : Number.POSITIVE_INFINITY;
      const nextTime = itemTime <= queued ? itemTime : queued;
      if (nextTime === Number.POSITIVE_INFINITY) {
        this.stop(this.until === "quiet" ? "quiet" : "idle");
        break;
      }
      if (this.until === "quiet") {
        if (this.busy === 0 && nextTime > this.lastItemTime + QUIET_GRACE_MS) {
          this.now = Math.max(this.now, this.lastItemTime + QUIET_GRACE_MS);
          this.stop("quiet");
          break;
        }
      } else if (nextTime > this.until) {
        this.now = this.until;
        this.stop("until");
        break;
      }
      if (itemTime <= queued) {
        this.busy--;
        this.now = itemTime;
        const i = this.nextItem++;
        this.runItem(this.items[i], this.itemClients[i]);
        continue;
      }
      this.queueLengthSum += queue.length;
      const entry2 = queue.pop();
      if (entry2.live) {
        this.executed++;
        entry2.live = false;
        if (!entry2.periodic) this.busy--;
        this.now = queue.poppedTime;
        this.execute(entry2);
      } else this.deadEntries--;
      this.release(entry2);
    }
    return this.result();
  }
  /** Mean number of entries waiting in the queue (live or cancelled) each time one was taken out. */
  get meanQueueLength() {
    return this.executed === 0 ? 0 : this.queueLengthSum / this.executed;
  }
  get finished() {
    return this.stopped !== void 0;
  }
  result() {
    const trace = this.trace;
    trace.stats.events = trace.length;
    trace.stats.virtualTime = this.now;
    if (this.stopped) {
      trace.stats.stopReason = this.stopped.reason;
      if (this.stopped.message) trace.stats.stopMessage = this.stopped.message;
    }
    trace.final = this.finalState();
    return {
      trace,
      scenario: this.scenario,
      stopReason: this.stopped?.reason ?? "maxEvents",
      ...this.stopped?.message ? { stopMessage: this.stopped.message } : {},
      periodicMessages: this.family.periodicMessages,
      periodicTimers: this.family.periodicTimers
    };
  }
  stop(reason, message) {
    this.stopped = message ? { reason, message } : { reason };
    this.trace.compact();
  }
  execute(entry2) {
    switch (entry2.kind) {
      case DELIVER:
        this.deliver(entry2);
        return;
      case TIMER:
        this.fireTimer(entry2);
        return;
      case PERSISTED: {
        const rt = this.actors[entry2.actor];
        if (!rt.up || rt.incarnation !== entry2.incarnation) return;
        const id = this.trace.append(
          this.now,
          rt.index,
          "persisted",
          entry2.cause,
          lineOrUndefined(entry2.line)
        );
        this.dispatch(rt, { kind: "persisted", data: entry2.ref }, id, lineOrUndefined(entry2.line));
        return;
      }
      case OP_TIMEOUT:
        this.timeoutOp(entry2.ref);
        return;
    }
  }
  schedule(time, kind, actor, cause, line, ref2, periodic, name = "", incarnation = 0) {
    const entry2 = this.spareEntries.pop() ?? new Entry();
    entry2.kind = kind;
    entry2.live = true;
    entry2.periodic = periodic;
    entry2.actor = actor;
    entry2.cause = cause;
    entry2.line = line;
    entry2.incarnation = incarnation;
    entry2.ref = ref2;
    entry2.name = name;
    entry2.lost = "";
    entry2.msg = -1;
    entry2.from = -1;
    if (!periodic) this.busy++;
    this.queue.push(time, entry2);
    return entry2;
  }
  /**
   * A popped entry goes back to the pool. Nothing refers to it any more: a fired timer has left
   * its actor's table (a replaced or cancelled one left it earlier) and an op's timeout entry left
   * with the pending op.
   */
  release(entry2) {
    entry2.ref = void 0;
    this.spareEntries.push(entry2);
  }
  kill(entry2) {
    if (!entry2.live) return;
    entry2.live = false;
    if (!entry2.periodic) this.busy--;
    if (++this.deadEntries > 64 && this.deadEntries * 2 > this.queue.length) {
      this.queue.removeWhere(isDead, this.releaseEntry);
      this.deadEntries = 0;
    }
  }
  releaseEntry = (entry2) => this.release(entry2);
  // ---- dispatch ------------------------------------------------------------------------------
  prepare(rt, event, line) {
    const ctx = rt.ctx;
    ctx.now = this.now;
    ctx.clock = this.now * (1 + ctx.drift) + ctx.offset;
    ctx.event = event;
    ctx.line = line;
    this.currentEvent = event;
    this.currentLine = line ?? -1;
  }
  dispatch(rt, input, event, line) {
    if (rt.kind === "client") this.dispatchClient(rt, input, event, line);
    else this.dispatchNode(rt, input, event, line);
  }
  dispatchNode(rt, input, event, line) {
    this.prepare(rt, event, line);
    this.family.onNode(rt.state, input, rt.ctx, rt.out);
    this.drainImmediate(event, line);
  }
  dispatchClient(rt, input, event, line) {
    this.prepare(rt, event, line);
    this.family.onClient(rt.state, input, rt.ctx, rt.out);
    this.drainImmediate(event, line);
  }
  /** Storage writes with no latency are applied within the event that asked for them. */
  drainImmediate(event, line) {
    const actors = this.immediateActors;
    if (actors.length === 0) return;
    const datas = this.immediateData;
    const input = this.persistedInput;
    for (let i = 0; i < actors.length; i++) {
      const actor = actors[i];
      if (!actor.up) continue;
      this.prepare(actor, event, line);
      input.data = datas[i];
      if (actor.kind === "client") this.family.onClient(actor.state, input, actor.ctx, actor.out);
      else this.family.onNode(actor.state, input, actor.ctx, actor.out);
    }
    input.data = void 0;
    actors.length = 0;
    datas.length = 0;
  }
  // ---- effects -------------------------------------------------------------------------------
  record(rt, kind, detail) {
    return this.trace.append(
      this.now,
      rt.index,
      kind,
      causeOrUndefined(this.currentEvent),
      lineOrUndefined(this.currentLine),
      detail
    );
  }
  send(rt, to, msg) {
    const target = this.byId.get(to);
    const cause = causeOrUndefined(this.currentEvent);
    const line = this.currentLine;
    if (!target || target.kind === "network") {
      this.record(rt, "note", {
        text: `${rt.id} tried to send ${msg.type} to ${to}, which is not in the scenario`
      });
      return;
    }
    const msgId = this.trace.registerMessage(rt.index, target.index, msg.type, msg);
    if (FREEZE_HANDED_OVER) deepFreeze(msg);
    const id = this.trace.appendMessageEvent(this.now, rt.index, "send", cause, lineOrUndefined(line), msgId);
    this.trace.stats.messages++;
    const periodic = this.periodicMessages.has(msg.type);
    const link = this.network.link(rt.index, target.index);
    link.rng ??= this.random.stream(link.stream);
    const rng = link.rng;
    const copies = link.duplicate > 0 && rng.next() < link.duplicate ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      let arrival = this.now + sample(link.latency, rng);
      if (this.network.fifo) {
        if (arrival < link.lastArrival) arrival = link.lastArrival;
        link.lastArrival = arrival;
      }
      const e = this.schedule(arrival, DELIVER, target.index, id, line, msg, periodic);
      e.msg = msgId;
      e.from = rt.index;
      if (this.network.isCut(rt.index, target.index)) e.lost = "partition";
      else if (link.drop > 0 && rng.next() < link.drop) e.lost = "loss";
    }
  }
  deliver(entry2) {
    const target = entry2.actor >= 0 ? this.actors[entry2.actor] : void 0;
    const line = lineOrUndefined(entry2.line);
    let reason = entry2.lost;
    if (!reason && target) {
      if (this.network.isCut(entry2.from, target.index)) reason = "partition";
      else if (!target.started) reason = `${target.id} is not in the cluster yet`;
      else if (!target.up) reason = `${target.id} is down`;
    }
    if (reason || !target) {
      this.trace.appendMessageEvent(this.now, this.networkActor, "drop", entry2.cause, line, entry2.msg, {
        reason: reason || "lost"
      });
      this.trace.stats.dropped++;
      return;
    }
    const id = this.trace.appendMessageEvent(this.now, target.index, "deliver", entry2.cause, line, entry2.msg);
    const input = this.messageInput;
    input.from = this.actors[entry2.from].id;
    input.msg = entry2.ref;
    this.dispatch(target, input, id, line);
    input.msg = NO_MESSAGE;
  }
  setTimer(rt, name, after, data) {
    const old = rt.timers.get(name);
    if (old) this.kill(old);
    const e = this.schedule(
      this.now + Math.max(0, after),
      TIMER,
      rt.index,
      this.currentEvent,
      this.currentLine,
      data,
      this.periodicTimers.has(name),
      name,
      rt.incarnation
    );
    rt.timers.set(name, e);
  }
  /** Timer events share one detail object per timer name: periodic timers then cost no allocation. */
  timerDetail(name) {
    let d = this.timerDetails.get(name);
    if (!d) {
      d = { timer: name };
      this.timerDetails.set(name, d);
    }
    return d;
  }
  cancelTimer(rt, name) {
    const old = rt.timers.get(name);
    if (old) {
      this.kill(old);
      rt.timers.delete(name);
    }
  }
  fireTimer(entry2) {
    const rt = this.actors[entry2.actor];
    if (rt.timers.get(entry2.name) === entry2) rt.timers.delete(entry2.name);
    if (!rt.up || rt.incarnation !== entry2.incarnation) return;
    const line = lineOrUndefined(entry2.line);
    const id = this.trace.append(
      this.now,
      rt.index,
      "timer",
      causeOrUndefined(entry2.cause),
      line,
      this.timerDetail(entry2.name)
    );
    const input = this.timerInput;
    input.name = entry2.name;
    input.data = entry2.ref;
    this.dispatch(rt, input, id, line);
    input.data = void 0;
  }
  persist(rt, data) {
    const dist2 = this.scenario.storage.nodes[rt.id] ?? this.scenario.storage.default;
    const delay = dist2 ? sample(dist2, rt.storage) : 0;
    if (delay <= 0) {
      this.immediateActors.push(rt);
      this.immediateData.push(data);
      return;
    }
    this.schedule(
      this.now + delay,
      PERSISTED,
      rt.index,
      this.currentEvent,
      this.currentLine,
      data,
      false,
      "",
      rt.incarnation
    );
  }
  complete(rt, opKey, result) {
    const pending = this.pendingOps.get(opKey);
    if (!pending) return;
    this.pendingOps.delete(opKey);
    this.kill(pending.timeout);
    this.trace.appendResponse(
      this.now,
      rt.index,
      causeOrUndefined(this.currentEvent),
      pending.line,
      pending.op,
      result
    );
  }
  timeoutOp(opKey) {
    const pending = this.pendingOps.get(opKey);
    if (!pending) return;
    this.pendingOps.delete(opKey);
    const rt = this.actors[pending.client];
    const id = this.trace.appendResponse(this.now, rt.index, pending.request, pending.line, pending.op, {
      ok: false,
      error: "timeout"
    });
    this.dispatchClient(rt, { kind: "timedOut", opKey }, id, pending.line);
  }
  /** A state event on `rt`, descending from the input being handled. */
  recordState(rt, detail) {
    this.trace.append(
      this.now,
      rt.index,
      "state",
      causeOrUndefined(this.currentEvent),
      lineOrUndefined(this.currentLine),
      detail
    );
  }
  recordData(rt, key, after) {
    const before = rt.data.get(key) ?? NO_SIBLINGS;
    const recorded = this.family.immutableData ? handedOver(after) : recordedSiblings(after);
    rt.data.set(key, recorded);
    this.trace.appendData(
      this.now,
      rt.index,
      causeOrUndefined(this.currentEvent),
      lineOrUndefined(this.currentLine),
      key,
      before,
      recorded
    );
  }
  recordField(rt, name, value) {
    const v = recordedValue(value);
    rt.fields.set(name, v);
    this.recordState(rt, { field: name, value: v });
  }
  recordAppend(rt, name, item) {
    const v = recordedValue(item);
    let list2 = rt.fields.get(name);
    if (!Array.isArray(list2)) {
      list2 = [];
      rt.fields.set(name, list2);
    }
    list2.push(v);
    this.recordState(rt, { field: name, append: v });
  }
  recordTruncate(rt, name, length) {
    const list2 = rt.fields.get(name);
    if (Array.isArray(list2)) list2.length = Math.min(list2.length, length);
    this.recordState(rt, { field: name, truncate: length });
  }
  // ---- scenario items and faults ---------------------------------------------------------------
  runItem(item, client) {
    if (item.type === "client") this.startOp(item, this.actors[client]);
    else this.applyFault(item.action, item);
  }
  startOp(item, rt) {
    const a = item.action;
    rt.opCounter++;
    const op = {
      key: item.id ?? `${item.client}#${rt.opCounter}`,
      client: item.client,
      kind: a.kind,
      dataKey: a.key,
      line: item.line
    };
    if (item.id) op.id = item.id;
    if ("value" in a) op.value = a.value;
    if (a.kind === "increment") op.by = a.by;
    const request = this.trace.appendRequest(this.now, rt.index, void 0, item.line, op);
    const timeout = this.schedule(
      this.now + rt.ctx.spec.timeout,
      OP_TIMEOUT,
      rt.index,
      request,
      item.line,
      op.key,
      false
    );
    this.pendingOps.set(op.key, { op, client: rt.index, request, timeout, line: item.line });
    this.dispatchClient(rt, { kind: "op", op }, request, item.line);
  }
  applyFault(action, item) {
    const line = item?.line;
    switch (action.kind) {
      case "crash": {
        const rt = this.byId.get(action.node);
        const lost = action.disk === "lost";
        const id = this.trace.append(this.now, rt.index, "crash", void 0, line, {
          text: `${rt.id} crashes${lost ? " and loses its disk" : ""}${rt.up ? "" : " (it was already down)"}`,
          detail: { disk: action.disk }
        });
        if (!rt.up) return;
        rt.up = false;
        rt.incarnation++;
        for (const t of rt.timers.values()) this.kill(t);
        rt.timers.clear();
        this.prepare(rt, id, line);
        rt.state = this.family.crash(rt.state, lost, rt.ctx);
        if (lost) {
          for (const key of [...rt.data.keys()])
            if ((rt.data.get(key) ?? []).length) this.recordData(rt, key, []);
        }
        return;
      }
      case "recover": {
        const rt = this.byId.get(action.node);
        const id = this.trace.append(this.now, rt.index, "recover", void 0, line, {
          text: rt.up ? `${rt.id} is already up` : `${rt.id} recovers`
        });
        if (rt.up || !rt.started) return;
        rt.up = true;
        this.dispatchNode(rt, { kind: "recover" }, id, line);
        return;
      }
      case "partition": {
        const groups = action.groups.map((g) => g.map((a) => this.byId.get(a).index));
        this.network.partition(groups);
        this.trace.append(this.now, this.networkActor, "partition", void 0, line, {
          text: `partition ${action.groups.map((g) => `[${g.join(", ")}]`).join(" | ")}`,
          detail: { groups: action.groups, cut: this.network.cutLinks() }
        });
        return;
      }
      case "cut": {
        this.network.cutLink(this.byId.get(action.from).index, this.byId.get(action.to).index);
        this.trace.append(this.now, this.networkActor, "cut", void 0, line, {
          text: `cut ${action.from} -> ${action.to}`,
          detail: { from: action.from, to: action.to, cut: this.network.cutLinks() }
        });
        return;
      }
      case "heal": {
        if (!action.links) this.network.healAll();
        else
          for (const l of action.links)
            this.network.healLink(this.byId.get(l.from).index, this.byId.get(l.to).index);
        this.trace.append(this.now, this.networkActor, "heal", void 0, line, {
          text: action.links ? `heal ${action.links.map((l) => `${l.from} -> ${l.to}`).join(", ")}` : "heal all",
          detail: { ...action.links ? { links: action.links } : {}, cut: this.network.cutLinks() }
        });
        return;
      }
      case "skew": {
        const rt = this.byId.get(action.node);
        if (action.offset !== void 0) rt.ctx.offset = action.offset;
        if (action.drift !== void 0) rt.ctx.drift = action.drift;
        this.trace.append(this.now, rt.index, "skew", void 0, line, {
          text: `${rt.id}'s clock: offset ${rt.ctx.offset}ms, drift ${rt.ctx.drift}`,
          detail: { offset: rt.ctx.offset, drift: rt.ctx.drift }
        });
        return;
      }
      case "addNode": {
        const rt = this.byId.get(action.id);
        const id = this.trace.append(this.now, rt.index, "addNode", void 0, line, {
          text: `${rt.id} joins as ${action.as}`,
          detail: { as: action.as, engineVersion: action.engineVersion }
        });
        if (rt.started) return;
        rt.started = true;
        rt.up = true;
        this.membership.push(rt.id);
        this.prepare(rt, id, line);
        rt.state = this.family.initNode(rt.ctx);
        this.dispatchNode(rt, { kind: "start", joining: { as: action.as } }, id, line);
        for (const other of this.actors) {
          if (other.kind === "node" && other !== rt && other.up && other.started) {
            this.dispatchNode(other, { kind: "membership", added: rt.id, as: action.as }, id, line);
          }
        }
        return;
      }
      case "failover": {
        const rt = this.byId.get(action.node);
        const id = this.trace.append(this.now, rt.index, "failover", void 0, line, {
          text: rt.up ? `manual failover: promote ${rt.id}` : `manual failover: cannot promote ${rt.id}, it is down`
        });
        if (rt.up) this.dispatchNode(rt, { kind: "promote" }, id, line);
        return;
      }
      case "offline":
      case "online": {
        const rt = this.byId.get(action.client);
        const id = this.trace.append(this.now, rt.index, action.kind, void 0, line, {
          text: `${rt.id} goes ${action.kind}`
        });
        this.dispatchClient(rt, { kind: action.kind }, id, line);
        return;
      }
    }
  }
  // ---- what-if ---------------------------------------------------------------------------------
  intervene(intervention) {
    const a = intervention.action;
    const describe2 = a.kind === "fault" ? `what-if: ${a.fault.kind} ${JSON.stringify(a.fault)}` : `what-if: ${a.kind} message ${a.msg}${a.kind === "deliver" ? " now" : ""}`;
    const fork = this.trace.append(this.now, this.networkActor, "fork", void 0, void 0, {
      text: describe2,
      detail: { atEvent: intervention.atEvent, action: a }
    });
    if (a.kind === "fault") {
      this.applyFault(a.fault, void 0);
      return;
    }
    let found;
    for (const { item } of this.queue.entries()) {
      if (item.live && item.kind === DELIVER && item.msg === a.msg) {
        found = item;
        break;
      }
    }
    if (!found) {
      this.trace.setDetail(fork, {
        text: `${describe2}: message ${a.msg} is not in flight`,
        detail: { action: a }
      });
      return;
    }
    const message = Object.assign(new Entry(), found);
    this.kill(found);
    if (a.kind === "drop") {
      this.trace.appendMessageEvent(
        this.now,
        this.networkActor,
        "drop",
        message.cause,
        lineOrUndefined(message.line),
        message.msg,
        {
          reason: "dropped by what-if"
        }
      );
      this.trace.stats.dropped++;
    } else this.deliver(message);
  }
  // ---- end state -------------------------------------------------------------------------------
  finalState() {
    const out = {};
    for (const rt of this.actors) {
      if (rt.kind === "network") continue;
      if (rt.kind === "client" && rt.data.size === 0) continue;
      if (rt.kind === "node" && !rt.started) continue;
      out[rt.id] = {
        up: rt.up,
        data: Object.fromEntries([...rt.data].filter(([, v]) => v.length > 0)),
        fields: Object.fromEntries(rt.fields)
      };
    }
    return out;
  }
  /** Messages in flight right now (for views of a paused run). */
  inFlight() {
    const out = [];
    for (const { time, item } of this.queue.entries()) {
      if (item.live && item.kind === DELIVER) {
        const m = this.trace.message(item.msg);
        out.push({ msg: item.msg, from: m.from, to: m.to, type: m.type, arrival: time });
      }
    }
    return out.sort((x, y) => x.arrival - y.arrival || x.msg - y.msg);
  }
};
var NO_MESSAGE = Object.freeze({ type: "" });
function isDead(entry2) {
  return !entry2.live;
}
function causeOrUndefined(event) {
  return event < 0 ? void 0 : event;
}
function lineOrUndefined(line) {
  return line < 0 ? void 0 : line;
}

// engine/protocols/common/versionVector.ts
function compare(a, b) {
  let less2 = false;
  let greater = false;
  for (const k in a) {
    const x = a[k];
    const y = b[k] ?? 0;
    if (x < y) less2 = true;
    else if (x > y) greater = true;
  }
  for (const k in b) {
    if (!(k in a) && b[k] > 0) less2 = true;
  }
  if (less2 && greater) return "concurrent";
  if (less2) return "before";
  if (greater) return "after";
  return "equal";
}
function descends(b, a) {
  for (const k in a) if ((b[k] ?? 0) < a[k]) return false;
  return true;
}
function copy(v) {
  const out = {};
  for (const k in v) out[k] = v[k];
  return out;
}
function merge(a, b) {
  const out = copy(a);
  for (const k in b) if ((out[k] ?? 0) < b[k]) out[k] = b[k];
  return out;
}
function formatVV(v) {
  const keys = Object.keys(v).filter((k) => v[k] !== 0).sort();
  return `{${keys.map((k) => `${k}:${v[k]}`).join(", ")}}`;
}

// engine/protocols/leaderless/versioning.ts
function emptyObject() {
  return { siblings: [], clock: {}, version: 0 };
}
function covers(vv, dot) {
  return dot !== void 0 && (vv?.[dot[0]] ?? 0) >= dot[1];
}
function withDot(vv, dot) {
  const out = copy(vv);
  if ((out[dot[0]] ?? 0) < dot[1]) out[dot[0]] = dot[1];
  return out;
}
function newSibling(w) {
  const s = w.tombstone ? { value: null, tombstone: true, op: w.op } : { value: w.value, op: w.op };
  s.origin = w.origin;
  return s;
}
function lwwNewer(a, b) {
  const ta = a.ts ?? Number.NEGATIVE_INFINITY;
  const tb = b.ts ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta > tb;
  return (a.op ?? "") > (b.op ?? "");
}
function siblingOrder(a, b) {
  if (a.version !== void 0 && b.version !== void 0 && a.version !== b.version)
    return a.version - b.version;
  if (a.dot && b.dot) {
    if (a.dot[0] !== b.dot[0]) return a.dot[0] < b.dot[0] ? -1 : 1;
    if (a.dot[1] !== b.dot[1]) return a.dot[1] - b.dot[1];
  }
  const oa = a.op ?? "";
  const ob = b.op ?? "";
  return oa < ob ? -1 : oa > ob ? 1 : 0;
}
function canonical(siblings) {
  return siblings.length < 2 ? siblings : siblings.sort(siblingOrder);
}
var Recent = class {
  values = /* @__PURE__ */ new Map();
  order = new Array(256).fill(void 0);
  next = 0;
  get(key, make) {
    let value = this.values.get(key);
    if (value === void 0) {
      value = make();
      const oldest = this.order[this.next];
      if (oldest !== void 0) this.values.delete(oldest);
      this.order[this.next] = key;
      this.next = (this.next + 1) % this.order.length;
      this.values.set(key, value);
    }
    return value;
  }
};
var recentWrites = new Recent();
var recentContexts = new Recent();
function writeParts(scheme, w) {
  return recentWrites.get(w, () => {
    const sibling = newSibling(w);
    const parts = { sibling, alone: [sibling] };
    const context = w.context.vv ?? {};
    if (scheme === "version-vectors") {
      sibling.vv = withDot(context, w.dot);
      parts.clock = sibling.vv;
    } else if (scheme === "dotted-version-vectors") {
      sibling.dot = w.dot;
      sibling.vv = copy(context);
      parts.clock = withDot(context, w.dot);
    } else if (scheme === "timestamps") sibling.ts = w.ts ?? 0;
    return parts;
  });
}
function applyWrite(scheme, current, w) {
  const obj2 = current ?? emptyObject();
  switch (scheme) {
    case "version-numbers": {
      const fresh = newSibling(w);
      const seen = w.context.version ?? 0;
      const kept = obj2.siblings.filter((s) => (s.version ?? 0) > seen);
      const version = obj2.version + 1;
      fresh.version = version;
      return {
        obj: { siblings: canonical([...kept, fresh]), clock: {}, version },
        changed: true
      };
    }
    case "version-vectors": {
      const dot = w.dot;
      if (covers(obj2.clock, dot)) return { obj: obj2, changed: false };
      const context = w.context.vv ?? {};
      const parts = writeParts(scheme, w);
      if (descends(context, obj2.clock)) {
        return { obj: { siblings: parts.alone, clock: parts.clock, version: 0 }, changed: true };
      }
      const clock = withDot(merge(obj2.clock, context), dot);
      return {
        obj: { siblings: canonical([...obj2.siblings, parts.sibling]), clock, version: 0 },
        changed: true
      };
    }
    case "dotted-version-vectors": {
      const dot = w.dot;
      if (covers(obj2.clock, dot)) return { obj: obj2, changed: false };
      const context = w.context.vv ?? {};
      const parts = writeParts(scheme, w);
      const kept = obj2.siblings.filter((s) => !covers(context, s.dot));
      const clock = descends(context, obj2.clock) ? parts.clock : withDot(merge(obj2.clock, context), dot);
      const siblings = kept.length === 0 ? parts.alone : canonical([...kept, parts.sibling]);
      return { obj: { siblings, clock, version: 0 }, changed: true };
    }
    case "timestamps": {
      const parts = writeParts(scheme, w);
      const winner = obj2.siblings[0];
      if (winner && !lwwNewer(parts.sibling, winner)) return { obj: obj2, changed: false, rejectedBy: winner };
      return {
        obj: { siblings: parts.alone, clock: {}, version: 0 },
        changed: true
      };
    }
  }
}
function sameOps(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].op !== b[i].op) return false;
  return true;
}
function unionByOp(a, b) {
  const byOp = /* @__PURE__ */ new Map();
  for (const s of [...a, ...b]) if (!byOp.has(s.op ?? "")) byOp.set(s.op ?? "", s);
  return canonical([...byOp.values()]);
}
function mergeObjects(scheme, a, b) {
  if (!a) return b;
  if (!b) return a;
  switch (scheme) {
    case "version-numbers": {
      if (a.version !== b.version) return a.version > b.version ? a : b;
      return { siblings: unionByOp(a.siblings, b.siblings), clock: {}, version: a.version };
    }
    case "version-vectors": {
      const order = compare(a.clock, b.clock);
      if (order === "after" || order === "equal" && sameOps(a.siblings, b.siblings)) return a;
      if (order === "before") return b;
      return { siblings: unionByOp(a.siblings, b.siblings), clock: merge(a.clock, b.clock), version: 0 };
    }
    case "dotted-version-vectors": {
      const has2 = (o, s) => o.siblings.some((t) => sameDot(t.dot, s.dot));
      const keepA = a.siblings.filter((s) => has2(b, s) || !covers(b.clock, s.dot));
      const keepB = b.siblings.filter((s) => !has2(a, s) && !covers(a.clock, s.dot));
      return { siblings: canonical([...keepA, ...keepB]), clock: merge(a.clock, b.clock), version: 0 };
    }
    case "timestamps": {
      const wa = a.siblings[0];
      const wb = b.siblings[0];
      if (!wa) return b;
      if (!wb) return a;
      return lwwNewer(wb, wa) ? b : a;
    }
  }
}
function sameDot(x, y) {
  return x !== void 0 && y !== void 0 && x[0] === y[0] && x[1] === y[1];
}
var NO_CONTEXT = Object.freeze({});
var VERSION_ZERO = Object.freeze({ version: 0 });
var EMPTY_VV_CONTEXT = Object.freeze({ vv: Object.freeze({}) });
function contextOf(scheme, obj2) {
  if (!obj2)
    return scheme === "version-numbers" ? VERSION_ZERO : scheme === "timestamps" ? NO_CONTEXT : EMPTY_VV_CONTEXT;
  if (scheme === "version-numbers") return { version: obj2.version };
  if (scheme === "timestamps") return NO_CONTEXT;
  return recentContexts.get(obj2.clock, () => ({ vv: obj2.clock }));
}
function isEmptyContext(c) {
  return c.version === void 0 && c.vv === void 0;
}
function mergeContexts(a, b) {
  if (a === b || isEmptyContext(b)) return a;
  if (isEmptyContext(a)) return b;
  const version = a.version !== void 0 || b.version !== void 0 ? Math.max(a.version ?? 0, b.version ?? 0) : void 0;
  let vv;
  if (a.vv && b.vv) vv = descends(a.vv, b.vv) ? a.vv : descends(b.vv, a.vv) ? b.vv : merge(a.vv, b.vv);
  else vv = a.vv ?? b.vv;
  if (version === a.version && vv === a.vv) return a;
  if (version === b.version && vv === b.vv) return b;
  const out = {};
  if (version !== void 0) out.version = version;
  if (vv) out.vv = vv;
  return out;
}
function visibleValues(obj2) {
  if (!obj2) return [];
  for (const s of obj2.siblings) if (s.tombstone) return obj2.siblings.filter((t) => !t.tombstone);
  return obj2.siblings;
}
function visibleCount(obj2) {
  let n = 0;
  for (const s of obj2.siblings) if (!s.tombstone) n++;
  return n;
}
function describeVersion(scheme, obj2) {
  if (!obj2 || obj2.siblings.length === 0) return "nothing";
  if (scheme === "version-numbers") return `version ${obj2.version}`;
  if (scheme === "timestamps") return `timestamp ${obj2.siblings[0]?.ts ?? 0}`;
  return `version ${formatVV(obj2.clock)}`;
}
function digest(obj2) {
  if (!obj2 || obj2.siblings.length === 0 && Object.keys(obj2.clock).length === 0) return "";
  const sibs = obj2.siblings.map(
    (s) => [s.op ?? "", s.tombstone ? "x" : "", s.version ?? "", s.dot ? s.dot.join(":") : "", s.ts ?? ""].join("/")
  );
  return `${sibs.join(",")}|${formatVV(obj2.clock)}|${obj2.version}`;
}

// engine/protocols/leaderless/coordinator.ts
var QUORUM_SHARE = 0.8;
var ATTEMPT_SHARE = 0.2;
var NO_REPLIES = /* @__PURE__ */ new Map();
var NO_REPAIRS = /* @__PURE__ */ new Map();
var EMPTY_CONTEXT = Object.freeze({});
function newCoordinatorState() {
  return { nextRequest: 1, requests: /* @__PURE__ */ new Map(), suspects: /* @__PURE__ */ new Set(), counters: /* @__PURE__ */ new Map() };
}
function startWrite(cs, host, w) {
  const { cfg, ctx } = host;
  const stamp = {
    op: w.op,
    value: w.value,
    tombstone: w.tombstone,
    context: w.context,
    origin: ctx.self
  };
  if (cfg.versioning === "version-vectors" || cfg.versioning === "dotted-version-vectors") {
    const self = ctx.self;
    const seen = Math.max(
      cs.counters.get(w.key) ?? 0,
      w.context.vv?.[self] ?? 0,
      host.local?.(w.key)?.clock[self] ?? 0
    );
    cs.counters.set(w.key, seen + 1);
    stamp.dot = [self, seen + 1];
  }
  if (cfg.versioning === "timestamps") stamp.ts = ctx.clock;
  const req = open(cs, host, "write", w.op, w.client, w.key, w.timeout);
  req.stamp = stamp;
  req.needed = cfg.w;
  if (cfg.writeFanout === "quorum") chooseQuorum(cs, host, req);
  dispatch(cs, host, req);
}
function startRead(cs, host, r) {
  const req = open(cs, host, "read", r.op, r.client, r.key, r.timeout);
  req.needed = host.cfg.r;
  dispatch(cs, host, req);
}
function open(cs, host, kind, op, client, key, timeout) {
  const id = cs.nextRequest++;
  const homes = host.ring.preferenceList(key);
  const req = {
    id,
    kind,
    op,
    key,
    client,
    needed: 0,
    homes,
    forHomes: homes.slice(),
    standIns: homes.slice(),
    spares: [],
    answered: [],
    tried: [],
    attempts: false,
    replies: kind === "read" ? /* @__PURE__ */ new Map() : NO_REPLIES,
    context: EMPTY_CONTEXT,
    done: false,
    timeout,
    repaired: kind === "read" && host.cfg.readRepair ? /* @__PURE__ */ new Map() : NO_REPAIRS
  };
  cs.requests.set(id, req);
  host.out.setTimer(`quorum:${id}`, timeout * QUORUM_SHARE, id);
  return req;
}
function chooseQuorum(cs, host, req) {
  const healthy = req.homes.filter((h) => !cs.suspects.has(h) || h === host.ctx.self);
  const suspected = req.homes.filter((h) => !healthy.includes(h));
  const picked = sample2(host.ctx, healthy, req.needed);
  picked.push(...sample2(host.ctx, suspected, req.needed - picked.length));
  const chosen = req.homes.filter((h) => picked.includes(h));
  req.forHomes = chosen;
  req.standIns = chosen.slice();
  req.spares = req.homes.filter((h) => !picked.includes(h));
  if (req.spares.length > 0)
    host.out.note(
      `quorum fan-out: writing to ${chosen.join(", ")} (${chosen.length} of ${req.homes.length} homes, at random)`,
      {
        op: req.op,
        key: req.key,
        chosen
      }
    );
}
function sample2(ctx, items, count) {
  const pool = [...items];
  const n = Math.min(Math.max(count, 0), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(ctx.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
function dispatch(cs, host, req) {
  for (let i = 0; i < req.forHomes.length; i++) {
    const home = req.forHomes[i];
    if (host.cfg.sloppyQuorum && cs.suspects.has(home) && home !== host.ctx.self) {
      const fallback = nextFallback(cs, host, req);
      if (fallback) {
        noteFallback(host, req, home, fallback, "suspected down");
        req.standIns[i] = fallback;
        sendTo(host, req, fallback, home);
        continue;
      }
    }
    sendTo(host, req, home, void 0);
  }
}
function requestMessage(req, hint) {
  if (req.kind === "read") {
    const get = { type: "Get", req: req.id, key: req.key };
    if (hint) get.hint = hint;
    return get;
  }
  const s = req.stamp;
  const put = {
    type: "Put",
    req: req.id,
    key: req.key,
    op: s.op,
    value: s.value,
    context: s.context,
    origin: s.origin
  };
  if (s.tombstone) put.tombstone = true;
  if (s.dot) put.dot = s.dot;
  if (s.ts !== void 0) put.ts = s.ts;
  if (hint) put.hint = hint;
  return put;
}
function sendTo(host, req, target, hint) {
  req.tried.push(target);
  if (hint) host.send(target, requestMessage(req, hint));
  else {
    req.message ??= requestMessage(req, void 0);
    host.send(target, req.message);
  }
  if ((host.cfg.sloppyQuorum || replaceable(host, req)) && target !== host.ctx.self) {
    req.attempts = true;
    host.out.setTimer(`attempt:${req.id}:${target}`, req.timeout * ATTEMPT_SHARE, {
      request: req.id,
      target
    });
  }
}
function replaceable(host, req) {
  return req.kind === "write" && host.cfg.writeFanout === "quorum";
}
function nextSpare(cs, host, req) {
  const untried = req.spares.filter((h) => !req.tried.includes(h));
  const healthy = untried.filter((h) => !cs.suspects.has(h));
  const [spare] = sample2(host.ctx, healthy.length > 0 ? healthy : untried, 1);
  if (spare) req.spares = req.spares.filter((h) => h !== spare);
  return spare;
}
function nextFallback(cs, host, req) {
  for (const node of host.ring.walk(req.key)) {
    if (req.homes.includes(node) || req.tried.includes(node) || cs.suspects.has(node)) continue;
    return node;
  }
  return void 0;
}
function noteFallback(host, req, home, fallback, why) {
  const verb = req.kind === "write" ? "writing to" : "reading from";
  const hintText = req.kind === "write" ? ` with a hint for ${home}` : ` in place of ${home}`;
  host.out.note(`sloppy quorum: ${home} ${why}, ${verb} ${fallback}${hintText}`, {
    op: req.op,
    key: req.key,
    home,
    fallback
  });
}
function onReply(cs, host, from, msg) {
  if (cs.suspects.size > 0) cs.suspects.delete(from);
  const req = cs.requests.get(msg.req);
  if (!req || req.key !== msg.key) return false;
  if (req.answered.includes(from) || !req.tried.includes(from)) return true;
  req.answered.push(from);
  req.first ??= from;
  if (req.attempts) host.out.cancelTimer(`attempt:${req.id}:${from}`);
  if (msg.type === "PutAck") {
    req.context = mergeContexts(req.context, msg.context);
    if (!req.done && req.answered.length >= req.needed) {
      req.done = true;
      host.answer(req.client, req.op, { ok: true, context: req.context, servedBy: servedBy(host, req) });
    }
  } else {
    const copy2 = msg.object ?? void 0;
    req.replies.set(from, copy2);
    const before = req.merged;
    req.merged = mergeObjects(host.cfg.versioning, req.merged, copy2);
    if (!req.done && req.answered.length >= req.needed) {
      req.done = true;
      host.answer(req.client, req.op, {
        ok: true,
        values: visibleValues(req.merged),
        context: contextOf(host.cfg.versioning, req.merged),
        servedBy: servedBy(host, req)
      });
      repair(host, req, [...req.replies.keys()]);
    } else if (req.done) {
      const grew = before !== req.merged && digest(before) !== digest(req.merged);
      repair(host, req, grew ? [...req.replies.keys()] : [from]);
    }
  }
  if (finished(req)) close(cs, host, req);
  return true;
}
function servedBy(host, req) {
  return host.cfg.coordinator === "node" ? host.ctx.self : req.first;
}
function repair(host, req, responders) {
  if (!host.cfg.readRepair || !req.merged) return;
  const newest = digest(req.merged);
  for (const node of responders) {
    if (!req.homes.includes(node)) continue;
    const theirs = req.replies.get(node);
    if (digest(theirs) === newest || req.repaired.get(node) === newest) continue;
    req.repaired.set(node, newest);
    host.out.note(
      `read repair: ${node} had ${describeVersion(host.cfg.versioning, theirs)}, sent ${describeVersion(host.cfg.versioning, req.merged)}`,
      { op: req.op, key: req.key, replica: node }
    );
    const msg = { type: "ReadRepair", key: req.key, object: req.merged };
    host.send(node, msg);
  }
}
function finished(req) {
  for (const standIn of req.standIns) if (!req.answered.includes(standIn)) return false;
  return true;
}
function close(cs, host, req) {
  cs.requests.delete(req.id);
  host.out.cancelTimer(`quorum:${req.id}`);
  if (req.attempts) {
    for (const t of req.tried) if (!req.answered.includes(t)) host.out.cancelTimer(`attempt:${req.id}:${t}`);
  }
}
function onTimer(cs, host, name, data) {
  if (name.startsWith("quorum:")) {
    const req = cs.requests.get(data);
    if (!req) return true;
    for (const t of req.tried) if (!req.answered.includes(t)) cs.suspects.add(t);
    if (!req.done) {
      const got = req.answered.length;
      const what = req.kind === "write" ? "acks" : "replies";
      const reason = `quorum not reached: ${got} of ${req.needed} ${what}`;
      host.out.note(reason, { op: req.op, key: req.key, answered: req.answered.slice().sort() });
      const failed = { ok: false, error: reason };
      const by = servedBy(host, req);
      if (by) failed.servedBy = by;
      host.answer(req.client, req.op, failed);
    }
    close(cs, host, req);
    return true;
  }
  if (name.startsWith("attempt:")) {
    const { request, target } = data;
    const req = cs.requests.get(request);
    if (!req || req.answered.includes(target)) return true;
    cs.suspects.add(target);
    const slot = req.standIns.indexOf(target);
    if (slot < 0) return true;
    const home = req.forHomes[slot];
    const spare = replaceable(host, req) && target === home ? nextSpare(cs, host, req) : void 0;
    if (spare) {
      host.out.note(`quorum fan-out: ${home} does not answer, writing to ${spare} instead`, {
        op: req.op,
        key: req.key,
        home,
        spare
      });
      req.forHomes.splice(slot, 1);
      req.standIns.splice(slot, 1);
      req.forHomes.push(spare);
      req.standIns.push(spare);
      sendTo(host, req, spare, void 0);
      return true;
    }
    if (!host.cfg.sloppyQuorum) {
      host.out.note(`quorum fan-out: ${home} does not answer and no other home is left to write to`, {
        op: req.op,
        key: req.key
      });
      return true;
    }
    const fallback = nextFallback(cs, host, req);
    if (!fallback) {
      host.out.note(
        `sloppy quorum: ${target} does not answer and no other healthy node is left for ${home}`,
        {
          op: req.op,
          key: req.key
        }
      );
      return true;
    }
    noteFallback(host, req, home, fallback, target === home ? "down" : `and ${target} down`);
    req.standIns[slot] = fallback;
    sendTo(host, req, fallback, home);
    return true;
  }
  return false;
}
function abandon(cs, host, op) {
  for (const req of cs.requests.values()) if (req.op === op) close(cs, host, req);
}

// engine/protocols/leaderless/hash.ts
function hash32(text2) {
  let h = 2166136261;
  for (let i = 0; i < text2.length; i++) {
    h ^= text2.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function hex(h) {
  return (h >>> 0).toString(16).padStart(8, "0");
}

// engine/protocols/leaderless/ring.ts
var Ring = class {
  constructor(nodes, placement, n, vnodes) {
    this.nodes = nodes;
    this.placement = placement;
    this.n = n;
    const tokens = [];
    if (placement === "ring")
      for (const node of nodes)
        for (let v = 0; v < Math.max(1, vnodes); v++) tokens.push({ at: hash32(`${node}#${v}`), node });
    tokens.sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    this.tokens = tokens;
  }
  nodes;
  placement;
  n;
  tokens;
  /** Walks by key: a ring never changes, and every request for a key walks it. */
  walks = /* @__PURE__ */ new Map();
  homes = /* @__PURE__ */ new Map();
  /** The key's position on the ring. */
  position(key) {
    return hash32(key);
  }
  /** Every node in the order a request for `key` considers them: homes first, then fallbacks. */
  walk(key) {
    let walk = this.walks.get(key);
    if (!walk) {
      walk = this.placement === "all" ? this.nodes.slice() : this.collect(this.firstTokenAtOrAfter(this.position(key)), this.nodes.length);
      this.walks.set(key, walk);
    }
    return walk;
  }
  /** The key's home replicas (its preference list). */
  preferenceList(key) {
    let homes = this.homes.get(key);
    if (!homes) {
      homes = this.walk(key).slice(0, this.n);
      this.homes.set(key, homes);
    }
    return homes;
  }
  /** Whether `node` is one of the key's home replicas. */
  isHome(key, node) {
    return this.preferenceList(key).includes(node);
  }
  /** Nodes that share at least one key range with `node` (its anti-entropy peers), sorted. */
  peers(node) {
    const peers = /* @__PURE__ */ new Set();
    if (this.placement === "all") {
      const homes = this.nodes.slice(0, this.n);
      if (homes.includes(node)) {
        for (const h of homes) if (h !== node) peers.add(h);
      }
    } else {
      for (let i = 0; i < this.tokens.length; i++) {
        const list2 = this.collect(i, this.n);
        if (list2.includes(node)) {
          for (const p of list2) if (p !== node) peers.add(p);
        }
      }
    }
    return [...peers].sort();
  }
  /** Distinct nodes clockwise from token `index`, at most `limit`. */
  collect(index, limit) {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (let i = 0; i < this.tokens.length && out.length < limit; i++) {
      const t = this.tokens[(index + i) % this.tokens.length];
      if (!seen.has(t.node)) {
        seen.add(t.node);
        out.push(t.node);
      }
    }
    return out;
  }
  firstTokenAtOrAfter(position2) {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.tokens[mid].at < position2) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.tokens.length ? 0 : lo;
  }
};
var rings = /* @__PURE__ */ new WeakMap();
function ringFor(ctx) {
  const cached = rings.get(ctx.nodes);
  if (cached && cached.nodes.length === ctx.nodes.length) return cached;
  const cfg = ctx.cluster;
  const ring = new Ring(ctx.nodes.slice(), cfg.placement, cfg.n, cfg.vnodes);
  rings.set(ctx.nodes, ring);
  return ring;
}

// engine/protocols/leaderless/client.ts
var NO_CONTEXT2 = Object.freeze({});
function initClient() {
  return { contexts: /* @__PURE__ */ new Map(), pending: /* @__PURE__ */ new Map(), queued: /* @__PURE__ */ new Map(), coordinator: newCoordinatorState() };
}
var ClientEnv = class {
  state;
  ctx;
  out;
  cfg;
  ring;
  bind(state, ctx, out) {
    this.state = state;
    this.ctx = ctx;
    this.out = out;
    this.cfg = ctx.cluster;
    this.ring = ringFor(ctx);
    return this;
  }
  /** Drops the references to the run, so that a finished simulation can be collected. */
  unbind() {
    this.state = void 0;
    this.ctx = void 0;
    this.out = void 0;
  }
  send(to, msg) {
    this.out.send(to, msg);
  }
  answer(_client, op, result) {
    finish(this, op, result);
  }
};
function finish(env, op, result) {
  const { state, out } = env;
  const key = state.pending.get(op);
  if (key === void 0) return;
  state.pending.delete(op);
  if (result.ok && result.context) {
    state.contexts.set(
      key,
      mergeContexts(state.contexts.get(key) ?? NO_CONTEXT2, result.context)
    );
  }
  out.complete(op, result);
  sendNext(env, key);
}
function sendNext(env, key) {
  const queue = env.state.queued.get(key);
  const next = queue?.shift();
  if (!queue || !next) return;
  if (queue.length === 0) env.state.queued.delete(key);
  env.out.descendsFrom?.(next.line);
  send(env, next);
}
var clientEnv = new ClientEnv();
function onClient(state, input, ctx, out) {
  const env = clientEnv.bind(state, ctx, out);
  try {
    handleInput(env, input);
  } finally {
    env.unbind();
  }
}
function handleInput(env, input) {
  const { state } = env;
  switch (input.kind) {
    case "op":
      onOperation(env, input.op);
      return;
    case "message": {
      const msg = input.msg;
      if (msg.type === "ClientReply") finish(env, msg.op, msg.result);
      else if (msg.type === "PutAck" || msg.type === "GetReply")
        onReply(state.coordinator, env, input.from, msg);
      return;
    }
    case "timer":
      onTimer(state.coordinator, env, input.name, input.data);
      return;
    case "timedOut": {
      const key = state.pending.get(input.opKey);
      state.pending.delete(input.opKey);
      abandon(state.coordinator, env, input.opKey);
      if (key !== void 0) sendNext(env, key);
      else
        for (const q of state.queued.values())
          q.splice(0, q.length, ...q.filter((o) => o.key !== input.opKey));
      return;
    }
    default:
      return;
  }
}
function onOperation(env, op) {
  const { state, ctx, out } = env;
  if (op.kind !== "read" && op.kind !== "write" && op.kind !== "delete") {
    out.complete(op.key, {
      ok: false,
      error: `${op.kind} is not a leaderless operation: write the new value (read, write and delete are supported)`
    });
    return;
  }
  if (state.queued.has(op.dataKey) || isPending(state, op.dataKey)) {
    const queue = state.queued.get(op.dataKey) ?? [];
    queue.push(op);
    state.queued.set(op.dataKey, queue);
    out.note(
      `${op.key} waits for ${ctx.self}'s previous operation on ${op.dataKey}: it needs that answer's causal context`,
      {
        op: op.key,
        key: op.dataKey
      }
    );
    return;
  }
  send(env, op);
}
function isPending(state, dataKey) {
  for (const key of state.pending.values()) if (key === dataKey) return true;
  return false;
}
function send(env, op) {
  const { state, ctx, out, cfg } = env;
  const timeout = ctx.spec.timeout;
  state.pending.set(op.key, op.dataKey);
  if (op.kind === "read") {
    if (cfg.coordinator === "client")
      startRead(state.coordinator, env, { op: op.key, client: ctx.self, key: op.dataKey, timeout });
    else {
      const msg = { type: "ClientGet", op: op.key, key: op.dataKey, timeout };
      out.send(ctx.spec.node, msg);
    }
    return;
  }
  const tombstone = op.kind === "delete";
  const value = tombstone ? null : op.value ?? null;
  const context = state.contexts.get(op.dataKey) ?? NO_CONTEXT2;
  if (cfg.coordinator === "client")
    startWrite(state.coordinator, env, {
      op: op.key,
      client: ctx.self,
      key: op.dataKey,
      value,
      tombstone,
      context,
      timeout
    });
  else {
    const msg = { type: "ClientPut", op: op.key, key: op.dataKey, value, context, timeout };
    if (tombstone) msg.tombstone = true;
    out.send(ctx.spec.node, msg);
  }
}

// engine/protocols/leaderless/messages.ts
var PERIODIC_MESSAGES = ["MerkleRoot", "MerkleBranch", "MerkleLeaves", "KeyTransfer"];

// engine/protocols/leaderless/merkle.ts
var DEPTH = 3;
var LEAVES = 1 << DEPTH;
var EMPTY = "00000000";
function rangeOf(key) {
  return hash32(key) >>> 32 - DEPTH;
}
function buildTree(objects) {
  const perLeaf = Array.from({ length: LEAVES }, () => []);
  let keys = 0;
  for (const [key, obj2] of objects) {
    perLeaf[rangeOf(key)].push(`${key}=${digest(obj2)}`);
    keys++;
  }
  const leaves = perLeaf.map((items) => items.length === 0 ? EMPTY : hex(hash32(items.sort().join("\n"))));
  const levels = [leaves];
  while (levels[0].length > 1) {
    const below = levels[0];
    const above = [];
    for (let i = 0; i < below.length; i += 2) {
      const l = below[i];
      const r = below[i + 1];
      above.push(l === EMPTY && r === EMPTY ? EMPTY : hex(hash32(`${l}:${r}`)));
    }
    levels.unshift(above);
  }
  return { levels, keys };
}
function root(tree) {
  return tree.levels[0][0];
}
function childrenOf(tree, level, nodes) {
  const out = {};
  for (const i of nodes) for (const c of [2 * i, 2 * i + 1]) out[String(c)] = tree.levels[level + 1][c];
  return out;
}
function differing(tree, level, theirs) {
  return Object.keys(theirs).map(Number).filter((i) => tree.levels[level][i] !== theirs[String(i)]).sort((a, b) => a - b);
}

// engine/protocols/leaderless/antiEntropy.ts
function newAntiEntropyState() {
  return { turn: 0, sessions: 0, published: "" };
}
function shared(host, peer) {
  const self = host.ctx.self;
  const out = [];
  for (const [key, obj2] of host.store) {
    const homes = host.ring.preferenceList(key);
    if (homes.includes(self) && homes.includes(peer)) out.push([key, obj2]);
  }
  return out.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}
function treeWith(host, peer) {
  return buildTree(shared(host, peer));
}
function publish(state, host) {
  const all = buildTree(host.store);
  const summary = { root: root(all), keys: all.keys, ranges: LEAVES };
  const text2 = JSON.stringify(summary);
  if (text2 === state.published) return;
  state.published = text2;
  host.out.field("merkle", summary);
}
function startExchange(state, host) {
  const self = host.ctx.self;
  publish(state, host);
  const peers = host.ring.peers(self).filter((p) => host.ctx.nodes.includes(p));
  if (peers.length === 0) return;
  const peer = peers[state.turn % peers.length];
  state.turn++;
  const tree = treeWith(host, peer);
  const msg = {
    type: "MerkleRoot",
    session: `${self}#${++state.sessions}`,
    root: root(tree),
    keys: tree.keys
  };
  host.send(peer, msg);
}
function onMerkleRoot(state, host, from, msg) {
  publish(state, host);
  const tree = treeWith(host, from);
  if (root(tree) === msg.root) return;
  const reply = {
    type: "MerkleBranch",
    session: msg.session,
    level: 1,
    hashes: childrenOf(tree, 0, [0])
  };
  host.send(from, reply);
}
function onMerkleBranch(state, host, from, msg) {
  publish(state, host);
  const tree = treeWith(host, from);
  const diff = differing(tree, msg.level, msg.hashes);
  if (diff.length === 0) return;
  if (msg.level < DEPTH) {
    const reply2 = {
      type: "MerkleBranch",
      session: msg.session,
      level: msg.level + 1,
      hashes: childrenOf(tree, msg.level, diff)
    };
    host.send(from, reply2);
    return;
  }
  const ranges = new Set(diff);
  const objects = {};
  for (const [key, obj2] of shared(host, from)) if (ranges.has(rangeOf(key))) objects[key] = obj2;
  const reply = { type: "MerkleLeaves", session: msg.session, ranges: diff, objects };
  host.send(from, reply);
}
function onMerkleLeaves(state, host, from, msg) {
  const scheme = host.cfg.versioning;
  const ranges = new Set(msg.ranges);
  const mine = new Map(shared(host, from).filter(([key]) => ranges.has(rangeOf(key))));
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(msg.objects), ...mine.keys()])].sort();
  const back = {};
  let taken = 0;
  for (const key of keys) {
    const theirs = msg.objects[key];
    const local = mine.get(key);
    const merged = mergeObjects(scheme, local, theirs);
    if (theirs && digest(merged) !== digest(local)) {
      host.mergeLater(key, theirs, "anti-entropy", from);
      taken++;
    }
    if (digest(merged) !== digest(theirs)) back[key] = merged;
  }
  const sent = Object.keys(back).length;
  host.out.note(
    `anti-entropy with ${from}: ${msg.ranges.length} of ${LEAVES} key ranges differ; taking ${taken} key${taken === 1 ? "" : "s"}, sending ${sent} back`,
    { peer: from, ranges: msg.ranges }
  );
  if (sent > 0) {
    const reply = { type: "KeyTransfer", session: msg.session, objects: back };
    host.send(from, reply);
  }
  publish(state, host);
}
function onKeyTransfer(state, host, from, msg) {
  for (const key of Object.keys(msg.objects).sort())
    host.mergeLater(key, msg.objects[key], "anti-entropy", from);
  publish(state, host);
}

// engine/protocols/leaderless/node.ts
var ANTI_ENTROPY_TIMER = "anti-entropy";
var HANDOFF_TIMER = "handoff";
function initNode() {
  return {
    store: /* @__PURE__ */ new Map(),
    applied: /* @__PURE__ */ new Set(),
    hints: /* @__PURE__ */ new Map(),
    coordinator: newCoordinatorState(),
    antiEntropy: newAntiEntropyState(),
    handoffArmed: false,
    inbox: []
  };
}
function crashNode(state, diskLost) {
  if (diskLost) return initNode();
  const counters = state.coordinator.counters;
  return {
    store: state.store,
    applied: state.applied,
    hints: state.hints,
    coordinator: { ...newCoordinatorState(), counters },
    antiEntropy: newAntiEntropyState(),
    handoffArmed: false,
    inbox: []
  };
}
function networkDuplicates(ctx) {
  const net = ctx.scenario.network;
  if (net.duplicate > 0) return true;
  for (const link of net.links) if ((link.duplicate ?? 0) > 0) return true;
  return false;
}
var NodeEnv = class {
  state;
  ctx;
  out;
  cfg;
  ring;
  dedupe = false;
  bind(state, ctx, out) {
    this.state = state;
    this.ctx = ctx;
    this.out = out;
    this.cfg = ctx.cluster;
    this.ring = ringFor(ctx);
    this.dedupe = networkDuplicates(ctx);
    return this;
  }
  /** Drops the references to the run, so that a finished simulation can be collected. */
  unbind() {
    this.state = void 0;
    this.ctx = void 0;
    this.out = void 0;
  }
  send(to, msg) {
    if (to === this.ctx.self) this.state.inbox.push({ from: to, msg });
    else this.out.send(to, msg);
  }
  answer(client, op, result) {
    const reply = { type: "ClientReply", op, result };
    this.out.send(client, reply);
  }
  local(key) {
    return this.state.store.get(key);
  }
  get store() {
    return this.state.store;
  }
  /** Reconcile a copy from elsewhere (read repair, anti-entropy, handoff) via storage. */
  mergeLater(key, object, why, from) {
    const job = { kind: "merge", key, object, why, from };
    this.out.persist(job);
  }
};
var nodeEnv = new NodeEnv();
function onNode(state, input, ctx, out) {
  const env = nodeEnv.bind(state, ctx, out);
  try {
    handleInput2(env, input);
  } finally {
    env.unbind();
  }
}
function handleInput2(env, input) {
  const { state, out } = env;
  switch (input.kind) {
    case "start":
    case "recover":
      armTimers(env, true);
      if (input.kind === "recover" && state.hints.size > 0) publishHints(env);
      break;
    case "membership":
      handOverMovedKeys(env, input.added);
      break;
    case "message":
      handleMessage(env, input.from, input.msg);
      break;
    case "timer":
      onNodeTimer(env, input.name, input.data);
      break;
    case "persisted":
      onPersisted(env, input.data);
      break;
    case "promote":
      out.note("leaderless replication has no leader to promote; ignored");
      break;
  }
  while (state.inbox.length > 0) {
    const { from, msg } = state.inbox.shift();
    handleMessage(env, from, msg);
  }
}
function armTimers(env, fresh) {
  const { cfg, ctx, out, state } = env;
  if (fresh && cfg.antiEntropy !== false) {
    const i = Math.max(0, ctx.nodes.indexOf(ctx.self));
    out.setTimer(ANTI_ENTROPY_TIMER, cfg.antiEntropy + cfg.antiEntropy * i / Math.max(1, ctx.nodes.length));
  }
  if (state.hints.size > 0 && !state.handoffArmed) {
    state.handoffArmed = true;
    out.setTimer(HANDOFF_TIMER, cfg.hintedHandoff);
  }
}
function handleMessage(env, from, msg) {
  const { state, out, cfg } = env;
  switch (msg.type) {
    case "ClientPut":
      startWrite(state.coordinator, env, {
        op: msg.op,
        client: from,
        key: msg.key,
        value: msg.value,
        tombstone: msg.tombstone === true,
        context: msg.context,
        timeout: msg.timeout
      });
      return;
    case "ClientGet":
      startRead(state.coordinator, env, { op: msg.op, client: from, key: msg.key, timeout: msg.timeout });
      return;
    case "Put": {
      const job = { kind: "put", from, msg };
      out.persist(job);
      return;
    }
    case "Get": {
      const copy2 = msg.hint ? state.hints.get(hintId(msg.hint, msg.key))?.object : state.store.get(msg.key);
      const reply = { type: "GetReply", req: msg.req, key: msg.key, object: copy2 ?? null };
      env.send(from, reply);
      return;
    }
    case "PutAck":
    case "GetReply":
      onReply(state.coordinator, env, from, msg);
      return;
    case "ReadRepair":
      env.mergeLater(msg.key, msg.object, "read repair", from);
      return;
    case "HintedPut": {
      const job = {
        kind: "merge",
        key: msg.key,
        object: msg.object,
        why: "hinted handoff",
        from,
        hint: msg.hint
      };
      out.persist(job);
      return;
    }
    case "HandoffAck":
      onHandoffAck(env, from, msg);
      return;
    case "MerkleRoot":
      onMerkleRoot(state.antiEntropy, env, from, msg);
      return;
    case "MerkleBranch":
      onMerkleBranch(state.antiEntropy, env, from, msg);
      return;
    case "MerkleLeaves":
      onMerkleLeaves(state.antiEntropy, env, from, msg);
      return;
    case "KeyTransfer":
      onKeyTransfer(state.antiEntropy, env, from, msg);
      return;
    case "ClientReply":
      return;
    default:
      out.note(`unexpected message for a ${cfg.replication} node`, { type: msg.type });
  }
}
function onNodeTimer(env, name, data) {
  const { state, cfg, out } = env;
  if (onTimer(state.coordinator, env, name, data)) return;
  if (name === ANTI_ENTROPY_TIMER && cfg.antiEntropy !== false) {
    startExchange(state.antiEntropy, env);
    out.setTimer(ANTI_ENTROPY_TIMER, cfg.antiEntropy);
  } else if (name === HANDOFF_TIMER) {
    state.handoffArmed = false;
    for (const [id, hint] of [...state.hints].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
      const msg = { type: "HintedPut", hint: id, key: hint.key, object: hint.object };
      env.send(hint.home, msg);
    }
    armTimers(env, false);
  }
}
function onPersisted(env, job) {
  if (job.kind === "put") {
    if (job.msg.hint) holdHint(env, job.from, job.msg);
    else applyPut(env, job.from, job.msg);
    return;
  }
  const { state, cfg, out } = env;
  const local = state.store.get(job.key);
  const merged = mergeObjects(cfg.versioning, local, job.object);
  if (digest(merged) !== digest(local)) {
    state.store.set(job.key, merged);
    out.data(job.key, merged.siblings);
  }
  if (job.hint !== void 0) {
    const ack = { type: "HandoffAck", hint: job.hint, digest: digest(job.object) };
    env.send(job.from, ack);
  }
}
function applyPut(env, from, msg) {
  const { state, cfg, out } = env;
  const seen = env.dedupe ? `${msg.key} ${msg.op}` : "";
  if (!env.dedupe || !state.applied.has(seen)) {
    if (env.dedupe) state.applied.add(seen);
    const result = applyWrite(cfg.versioning, state.store.get(msg.key), msg);
    if (result.rejectedBy) {
      const winner = result.rejectedBy;
      out.note(
        `last write wins: ${msg.op} (timestamp ${msg.ts}) is older than ${winner.op} (timestamp ${winner.ts}) and is discarded`,
        { key: msg.key, discarded: msg.op, kept: winner.op }
      );
    }
    if (result.changed) {
      state.store.set(msg.key, result.obj);
      out.data(msg.key, result.obj.siblings);
      const visible = visibleCount(result.obj);
      if (visible > 1)
        out.note(siblingsNote(cfg.versioning, msg, visible), {
          key: msg.key,
          context: msg.context,
          version: describeVersion(cfg.versioning, result.obj)
        });
    }
  }
  const ack = {
    type: "PutAck",
    req: msg.req,
    key: msg.key,
    context: contextOf(cfg.versioning, state.store.get(msg.key))
  };
  env.send(from, ack);
}
function siblingsNote(scheme, msg, visible) {
  if (scheme === "version-vectors")
    return `${msg.key} now has ${visible} siblings: the context of ${msg.op}, ${formatVV(msg.context.vv ?? {})}, has not seen the whole object, so the replica cannot tell which values it replaces and keeps them all`;
  return `${msg.key} now has ${visible} siblings: ${msg.op} is concurrent with values its writer had not seen`;
}
function hintId(home, key) {
  return `${home}/${key}`;
}
function holdHint(env, from, msg) {
  const { state, cfg, out } = env;
  const home = msg.hint;
  const id = hintId(home, msg.key);
  const held = state.hints.get(id);
  const result = applyWrite(cfg.versioning, held?.object, msg);
  state.hints.set(id, { home, key: msg.key, object: result.obj });
  out.note(`holding a hint for ${home}: ${msg.key} from ${msg.op}, to hand off when ${home} is reachable`, {
    home,
    key: msg.key
  });
  publishHints(env);
  armTimers(env, false);
  const ack = {
    type: "PutAck",
    req: msg.req,
    key: msg.key,
    context: contextOf(cfg.versioning, result.obj)
  };
  env.send(from, ack);
}
function onHandoffAck(env, from, msg) {
  const { state, out } = env;
  const hint = state.hints.get(msg.hint);
  if (!hint || hint.home !== from) return;
  if (digest(hint.object) !== msg.digest) return;
  state.hints.delete(msg.hint);
  out.note(`hinted handoff: ${from} has ${hint.key}, hint deleted`, { home: from, key: hint.key });
  publishHints(env);
}
function handOverMovedKeys(env, added) {
  const { state, ring, ctx, out } = env;
  const moved = [...state.store.keys()].filter((key) => !ring.isHome(key, ctx.self)).sort();
  if (moved.length === 0) return;
  for (const key of moved) {
    const object = state.store.get(key);
    for (const home of ring.preferenceList(key)) {
      const id = hintId(home, key);
      const held = state.hints.get(id);
      state.hints.set(id, { home, key, object: mergeObjects(env.cfg.versioning, held?.object, object) });
    }
    state.store.delete(key);
    out.data(key, []);
  }
  out.note(
    `${added} joined the ring: handing ${moved.join(", ")} over to ${moved.length === 1 ? "its" : "their"} new homes`,
    {
      added,
      keys: moved
    }
  );
  publishHints(env);
  armTimers(env, false);
}
function publishHints(env) {
  const list2 = [...env.state.hints.values()].map((h) => ({ home: h.home, key: h.key, ops: h.object.siblings.map((s) => s.op ?? "") })).sort((a, b) => a.home + a.key < b.home + b.key ? -1 : 1);
  env.out.field("hints", list2);
}

// engine/protocols/leaderless/index.ts
var leaderless = {
  replication: "leaderless",
  periodicMessages: PERIODIC_MESSAGES,
  periodicTimers: [ANTI_ENTROPY_TIMER, HANDOFF_TIMER],
  // Stored objects are never changed: every write or merge builds new sibling arrays.
  immutableData: true,
  initNode: () => initNode(),
  onNode,
  crash: (state, diskLost) => crashNode(state, diskLost),
  initClient: () => initClient(),
  onClient
};

// engine/scenario/parse.ts
var import_yaml3 = __toESM(require_dist());

// engine/scenario/checked.ts
function entry(m, key) {
  return m?.entries.get(key)?.value;
}
function asMap(c) {
  return c?.kind === "map" ? c : void 0;
}
function asSeq(c) {
  return c?.kind === "seq" ? c : void 0;
}
function asScalar(c) {
  return c?.kind === "scalar" ? c : void 0;
}

// engine/scenario/syntax.ts
var IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]*$/;
var IDENTIFIER_TEXT = "[A-Za-z][A-Za-z0-9_.-]*";
function isIdentifier(s) {
  return IDENTIFIER.test(s);
}
var DURATION = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(us|ms|s)?$/;
var UNIT_MS = { us: 1e-3, ms: 1, s: 1e3 };
function parseDuration(input) {
  if (typeof input === "number") {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, message: "a duration must be a finite number" };
  }
  const m = DURATION.exec(input.trim());
  if (!m) {
    const unit = /^[+-]?[\d.]+\s*([A-Za-zµ]+)$/.exec(input.trim());
    if (unit)
      return { ok: false, message: `unknown unit "${unit[1]}": use us, ms or s (e.g. 250us, 5ms, 1.5s)` };
    return { ok: false, message: "a duration is a number with a unit, us, ms or s (e.g. 250us, 5ms, 1.5s)" };
  }
  const ms = Number(m[2]) * UNIT_MS[m[3] ?? "ms"] * (m[1] === "-" ? -1 : 1);
  return { ok: true, value: Number(ms.toPrecision(12)) };
}
function parseRange(input) {
  const at = input.indexOf("..");
  if (at < 0) return void 0;
  const lo = parseDuration(input.slice(0, at));
  const hi = parseDuration(input.slice(at + 2));
  if (!lo.ok) return { ok: false, message: `range start: ${lo.message}` };
  if (!hi.ok) return { ok: false, message: `range end: ${hi.message}` };
  if (lo.value < 0 || hi.value < 0) return { ok: false, message: "a latency range cannot be negative" };
  if (lo.value > hi.value)
    return { ok: false, message: `range start ${input.slice(0, at).trim()} is after its end` };
  return { ok: true, value: { min: lo.value, max: hi.value } };
}
var LINK = new RegExp(`^(\\s*)(${IDENTIFIER_TEXT}?)(\\s*)(<->|->)(\\s*)(${IDENTIFIER_TEXT})\\s*$`);
function parseLink(input) {
  const m = LINK.exec(input);
  if (!m)
    return {
      ok: false,
      message: `"${input}" is not a link: write "a -> b" (one way) or "a <-> b" (both ways)`
    };
  const fromAt = m[1].length;
  const toAt = fromAt + m[2].length + m[3].length + m[4].length + m[5].length;
  return { ok: true, value: { from: m[2], to: m[6], both: m[4] === "<->", fromAt, toAt } };
}
function formatMs(ms) {
  if (ms !== 0 && Math.abs(ms) < 1) return `${Number((ms * 1e3).toPrecision(12))}us`;
  if (Math.abs(ms) >= 1e3 && Number.isInteger(ms / 100)) return `${ms / 1e3}s`;
  return `${ms}ms`;
}

// engine/scenario/validate.ts
var import_yaml = __toESM(require_dist());

// engine/scenario/schema.ts
var dur = (doc, extra = {}) => ({
  kind: "duration",
  doc,
  ...extra
});
var num = (doc, extra = {}) => ({ kind: "number", doc, ...extra });
var int = (doc, extra = {}) => num(doc, { integer: true, ...extra });
var bool = (doc, extra = {}) => ({
  kind: "boolean",
  doc,
  ...extra
});
var text = (doc, extra = {}) => ({ kind: "string", doc, ...extra });
var ref = (r, doc, extra = {}) => text(doc, { ref: r, ...extra });
var oneOf = (doc, values, extra = {}) => ({
  kind: "enum",
  doc,
  values: values.map(([value, d]) => ({ value, doc: d })),
  ...extra
});
var obj = (doc, properties, extra = {}) => ({ kind: "object", doc, properties, ...extra });
var list = (doc, items, extra = {}) => ({
  kind: "array",
  doc,
  items,
  ...extra
});
var union = (doc, what, variants, extra = {}) => ({
  kind: "union",
  doc,
  what,
  variants,
  ...extra
});
var distribution = (doc, extra = {}) => ({
  kind: "ref",
  name: "distribution",
  doc,
  ...extra
});
var LATENCY_WHAT = "a latency: a duration (5ms), a range (2ms..20ms), or a map with exponential, pareto, lognormal or mixture";
var distributionType = union("A latency distribution.", LATENCY_WHAT, [
  dur("A fixed latency.", { example: "5ms" }),
  { kind: "range", doc: "Uniform between the two bounds.", example: "2ms..20ms" },
  obj(
    "Exponentially distributed latency.",
    {
      exponential: union(
        "Exponential distribution: its mean (`10ms`), or `{ rate: <per millisecond> }`.",
        "a mean duration (10ms) or { rate: <events per millisecond> }",
        [
          dur("The mean of the exponential distribution.", { positive: true }),
          obj(
            "The exponential distribution given by its rate.",
            { rate: num("Rate per millisecond: the mean is 1 / rate milliseconds.", { above: 0 }) },
            { required: ["rate"] }
          )
        ]
      )
    },
    { required: ["exponential"], example: "{ exponential: 10ms }" }
  ),
  obj(
    "Pareto (heavy-tailed) latency.",
    {
      pareto: obj(
        "Pareto distribution with scale `min` and shape `alpha`.",
        {
          min: dur("Scale: the smallest latency the distribution produces.", { positive: true }),
          alpha: num("Shape: smaller alpha means a heavier tail.", { above: 0 })
        },
        { required: ["min", "alpha"] }
      )
    },
    { required: ["pareto"], example: "{ pareto: { min: 1ms, alpha: 1.5 } }" }
  ),
  obj(
    "Log-normal latency.",
    {
      lognormal: obj(
        "Log-normal distribution given by its median and the sigma of its logarithm.",
        {
          median: dur("The median latency.", { positive: true }),
          sigma: num("Standard deviation of the latency\u2019s natural logarithm.", { min: 0 })
        },
        { required: ["median", "sigma"] }
      )
    },
    { required: ["lognormal"], example: "{ lognormal: { median: 5ms, sigma: 0.5 } }" }
  ),
  obj(
    "A mixture: each draw picks a component by weight.",
    {
      mixture: list(
        "Components of the mixture; each draw picks one with probability proportional to its weight.",
        obj(
          "One component of a mixture.",
          {
            weight: num("Relative weight of this component.", { above: 0 }),
            of: distribution("The distribution of this component.")
          },
          { required: ["weight", "of"] }
        ),
        { minItems: 1 }
      )
    },
    {
      required: ["mixture"],
      example: "{ mixture: [ { weight: 0.9, of: 2ms }, { weight: 0.1, of: 50ms } ] }"
    }
  )
]);
var DEFINITIONS = { distribution: distributionType };
var REPLICATIONS = [
  ["single-leader", "One leader accepts writes and streams them to followers (sync or async)."],
  [
    "multi-leader",
    "Every node accepts writes and replicates them to the others; concurrent writes can conflict."
  ],
  ["leaderless", "Dynamo-style: clients or a coordinator write to w and read from r of n replicas."]
];
var ANOMALIES = [
  ["stale-read", "A read returned a value older than one already acknowledged before the read began."],
  ["read-your-writes", "A client did not see its own earlier write."],
  ["monotonic-reads", "A client saw an older value after having seen a newer one."],
  ["consistent-prefix", "A client saw a write without a write it causally depends on."],
  ["lost-write", "An acknowledged write disappeared without being overwritten by a later write."],
  ["split-brain", "Two nodes acted as leader for the same data at the same time."],
  ["conflict", "Concurrent writes to one key produced siblings or were resolved by a conflict policy."],
  ["divergence", "Replicas ended holding different data for the same key."],
  ["causality-violation", "A node applied an update before one that happened before it."]
];
var anomalyName = (doc) => oneOf(doc, ANOMALIES);
var followerMode = oneOf("How this follower replicates.", [
  ["sync", "The leader waits for this follower before acknowledging a write."],
  ["async", "The leader acknowledges writes without waiting for this follower."]
]);
var followers = (doc, extra = {}) => obj(
  doc,
  {},
  { additional: followerMode, additionalKeys: { ref: "node", what: "a follower node" }, ...extra }
);
var SL = ["single-leader"];
var ML = ["multi-leader"];
var LL = ["leaderless"];
var nodeMap = obj(
  "A node with settings.",
  {
    id: ref("node", "The node\u2019s id.", { declares: true }),
    engineVersion: int(
      "Storage engine version: a `wal` log only replicates between nodes of the same version.",
      {
        min: 1,
        default: 1
      }
    )
  },
  { required: ["id"], example: "{ id: c, engineVersion: 2 }" }
);
var cluster = obj(
  "The nodes and the replication scheme.",
  {
    replication: oneOf("The replication scheme.", REPLICATIONS),
    nodes: list(
      "The nodes, as ids or as maps with settings (`{ id: c, engineVersion: 2 }`).",
      union(
        "A node: its id, or a map with its id and settings.",
        "a node id or { id: <node>, engineVersion: <n> }",
        [ref("node", "A node id.", { declares: true }), nodeMap]
      ),
      { minItems: 1 }
    ),
    // single-leader
    leader: ref("node", "The node that starts as leader.", { defaultText: "the first node", families: SL }),
    followers: followers("Followers and how each replicates (`sync` or `async`).", {
      defaultText: "every other node, async",
      families: SL
    }),
    semiSync: bool("If the sync follower is down, make an async follower sync instead.", {
      default: false,
      families: SL
    }),
    log: oneOf(
      "What the replication log ships.",
      [
        ["statement", "The statements themselves; each node evaluates now(), rand(), nextId() on its own."],
        ["row", "The resulting row values (logical log)."],
        ["wal", "Storage-level changes, which only a node with the same engineVersion can apply."]
      ],
      { default: "row", families: SL }
    ),
    heartbeat: dur("Interval of the leader\u2019s heartbeats to its followers.", {
      positive: true,
      default: "10ms",
      families: SL
    }),
    failover: obj(
      "Automatic failover; omit it for manual failover only.",
      {
        timeout: dur("A follower suspects the leader after this long without a heartbeat.", {
          positive: true,
          default: "50ms"
        }),
        elect: oneOf(
          "How the new leader is chosen.",
          [
            ["most-up-to-date", "The reachable follower with the longest log wins."],
            ["lowest-id", "The reachable follower with the lowest id wins, however far behind it is."]
          ],
          { default: "most-up-to-date" }
        ),
        fencing: bool("Epochs and fencing tokens stop a deposed leader; false lets split brain happen.", {
          default: true
        })
      },
      { families: SL, example: "{ timeout: 50ms, elect: most-up-to-date, fencing: true }" }
    ),
    reads: oneOf(
      "Where client reads go by default.",
      [
        ["leader", "Reads go to the leader."],
        ["followers", "Reads go to a follower (spread by client)."],
        ["sticky", "Each client keeps reading from the same replica."]
      ],
      { default: "leader", families: SL }
    ),
    shards: obj(
      "Several independent replication groups, each owning some keys.",
      {},
      {
        families: SL,
        additionalKeys: { ref: "shard", declares: true, what: "a shard name" },
        additional: obj(
          "One replication group.",
          {
            leader: ref("node", "The leader of this shard."),
            followers: followers("Followers of this shard.", { defaultText: "every other node, async" }),
            keys: list("Data keys this shard owns.", ref("key", "A data key."))
          },
          { required: ["leader", "keys"] }
        )
      }
    ),
    // multi-leader
    topology: union(
      "Which leaders send their writes to which.",
      'all-to-all, circular, { star: <hub> } or { links: ["a -> b", ...] }',
      [
        oneOf("A named topology.", [
          ["all-to-all", "Every leader sends its writes to every other leader."],
          ["circular", "Each leader forwards writes to the next one around a ring."]
        ]),
        obj(
          "Star topology.",
          { star: ref("node", "The hub: every write goes through it.") },
          { required: ["star"] }
        ),
        obj(
          "Explicit replication links.",
          {
            links: list("Directed replication links.", {
              kind: "link",
              both: true,
              doc: "A replication link."
            })
          },
          { required: ["links"] }
        )
      ],
      { default: "all-to-all", families: ML }
    ),
    conflicts: oneOf(
      "How concurrent writes to one key are resolved.",
      [
        ["siblings", "Keep every concurrent value; the next reader sees them all."],
        ["last-write-wins", "Keep the value with the highest timestamp; the others are silently lost."],
        ["highest-node", "Keep the value written at the node with the highest id."],
        ["merge", "Merge concurrent values (union of lists, the larger scalar)."]
      ],
      { default: "siblings", families: ML }
    ),
    causality: oneOf(
      "Whether updates carry their causal dependencies.",
      [
        ["version-vectors", "Hold an update until the ones it depends on have arrived."],
        ["none", "Apply updates as they arrive, so an overtaking update can apply out of order."]
      ],
      { default: "version-vectors", families: ML }
    ),
    homes: obj(
      "Conflict avoidance: every write of a key goes to its home node.",
      {},
      {
        families: ML,
        additional: ref("node", "The home node of this key."),
        additionalKeys: { ref: "key", what: "a data key" }
      }
    ),
    types: obj(
      "Keys that are CRDTs, and which kind.",
      {},
      {
        families: ML,
        additional: oneOf("The CRDT type of this key.", [
          ["counter", "A PN-counter: use increment."],
          ["set", "An observed-remove set: use add and remove."],
          ["lww-register", "A last-write-wins register."],
          ["mv-register", "A multi-value register: concurrent writes are kept as siblings."]
        ]),
        additionalKeys: { ref: "key", what: "a data key" }
      }
    ),
    // leaderless
    n: int("Replication factor: how many replicas store each key.", {
      min: 1,
      defaultText: "min(3, number of nodes); every node with placement all",
      families: LL
    }),
    w: int("Write quorum: a write succeeds once w replicas acknowledge it.", {
      min: 1,
      defaultText: "a majority of n",
      families: LL
    }),
    r: int("Read quorum: a read waits for r replicas to answer.", {
      min: 1,
      defaultText: "a majority of n",
      families: LL
    }),
    coordinator: oneOf(
      "Who sends a request to the replicas.",
      [
        ["node", "A replica coordinates the request on the client\u2019s behalf."],
        ["client", "The client talks to the replicas itself."]
      ],
      { default: "node", families: LL }
    ),
    placement: oneOf(
      "Which replicas store a key.",
      [
        ["ring", "Consistent hashing: a preference list of n nodes per key."],
        ["all", "Every node stores every key."]
      ],
      { default: "ring", families: LL }
    ),
    vnodes: int("Virtual nodes per physical node on the hash ring.", { min: 1, default: 8, families: LL }),
    readRepair: bool("A read that sees a stale replica writes the newest value back to it.", {
      default: true,
      families: LL
    }),
    antiEntropy: union(
      "Interval of the background Merkle-tree comparison between replicas, or false for none.",
      "an interval (100ms) or false",
      [dur("Anti-entropy interval.", { positive: true }), bool("No anti-entropy.", { only: false })],
      { default: false, families: LL }
    ),
    sloppyQuorum: bool("Accept writes on nodes outside the preference list when its nodes are unreachable.", {
      default: false,
      families: LL
    }),
    hintedHandoff: dur("How often a node retries handing its hints back to their home nodes.", {
      positive: true,
      default: "50ms",
      families: LL
    }),
    versioning: oneOf(
      "How replicas version values and detect concurrent writes.",
      [
        [
          "version-numbers",
          "One version number per key on a single replica; the client sends the version it read."
        ],
        ["version-vectors", "A version vector per value: concurrent writes become siblings."],
        ["dotted-version-vectors", "Version vectors with a dot per sibling, avoiding sibling explosion."],
        ["timestamps", "Last write wins by each node\u2019s physical clock."]
      ],
      { default: "version-vectors", families: LL }
    ),
    writeFanout: oneOf(
      "Which home replicas a write is sent to; reads always ask all n.",
      [
        ["all", "Every write goes to all n homes and succeeds after w acknowledgements."],
        [
          "quorum",
          "Each write goes to w homes chosen at random, as in the PBS model; the others learn it only by read repair or anti-entropy."
        ]
      ],
      { default: "all", families: LL }
    )
  },
  { required: ["replication", "nodes"] }
);
var linkSettings = obj(
  "Settings of one link, overriding the network defaults.",
  {
    latency: distribution("Latency on this link."),
    drop: num("Probability that a message on this link is lost.", { min: 0, max: 1 }),
    duplicate: num("Probability that a message on this link is delivered twice.", { min: 0, max: 1 })
  },
  { example: "{ latency: 80ms }" }
);
var network = obj("Latency, loss and per-link overrides.", {
  latency: distribution("Default latency of every link.", { default: "1ms" }),
  drop: num("Probability that a message is lost.", { min: 0, max: 1, default: 0 }),
  duplicate: num("Probability that a message is delivered twice.", { min: 0, max: 1, default: 0 }),
  fifo: bool("No overtaking: messages on one link arrive in the order they were sent.", { default: false }),
  links: obj(
    'Per-link overrides: `"a -> b"` for one direction, `"a <-> b"` for both.',
    {},
    {
      additional: linkSettings,
      additionalKeys: { link: true, ref: "actor", what: 'a link ("a -> b" or "a <-> b")' }
    }
  )
});
var clocks = obj(
  "Physical clocks: clock = virtual time \xD7 (1 + drift) + offset.",
  {},
  {
    additional: obj(
      "This node\u2019s physical clock.",
      {
        offset: dur("How far this clock is ahead (positive) or behind (negative).", {
          signed: true,
          default: 0
        }),
        drift: num("Rate error: 0.001 runs 0.1% fast.", { above: -1, default: 0 })
      },
      { example: "{ offset: -20ms, drift: 0.001 }" }
    ),
    additionalKeys: { ref: "node", what: "a node" }
  }
);
var storageSettings = (doc) => obj(doc, { write: distribution("Time for the node to apply a write.") }, { required: ["write"] });
var storage = obj(
  "Time for a node to apply a write to storage; instant unless set.",
  { default: storageSettings("Storage of every node not listed.") },
  { additional: storageSettings("Storage of this node."), additionalKeys: { ref: "node", what: "a node" } }
);
var GUARANTEES = [
  ["read-your-writes", "The client always sees its own writes."],
  ["monotonic-reads", "The client never sees time go backwards."],
  ["consistent-prefix", "The client sees writes in an order that respects causality."]
];
var guaranteeMap = obj(
  "A guarantee with settings.",
  {
    "read-your-writes": obj("The client always sees its own writes.", {
      strategy: oneOf(
        "How the client library provides read-your-writes.",
        [
          ["leader-for-own-keys", "Read keys this client wrote from the leader."],
          ["leader-window", "Read everything from the leader for a while after each write."],
          ["position", "Remember the log position of the last write; read only from a replica that has it."]
        ],
        { default: "leader-for-own-keys" }
      ),
      window: dur("leader-window: how long after the last write reads go to the leader.", { positive: true })
    }),
    "monotonic-reads": obj("The client never sees time go backwards.", {
      strategy: oneOf(
        "How the client library provides monotonic reads.",
        [
          ["sticky", "Always read from the same replica."],
          ["position", "Remember the highest position read; read only from replicas at least that far."]
        ],
        { default: "sticky" }
      )
    }),
    "consistent-prefix": obj("The client sees writes in an order that respects causality.", {
      strategy: oneOf(
        "How the client library provides consistent prefix reads.",
        [["causal", "Send the causal context with each read; a replica answers only once it has caught up."]],
        { default: "causal" }
      )
    })
  },
  {
    exactlyOne: [
      {
        keys: GUARANTEES.map(([g]) => g),
        what: "guarantee",
        example: "{ read-your-writes: { strategy: position } }"
      }
    ]
  }
);
var clients = obj(
  "Named clients and where they connect.",
  {},
  {
    additionalKeys: { ref: "client", declares: true, what: "a client name" },
    additional: obj(
      "A client.",
      {
        node: ref("node", "The node this client sends its requests to.", {
          defaultText: "the leader (single-leader) or the first node"
        }),
        reads: union(
          "Where this client\u2019s reads go: a node, or a routing mode.",
          "a node id, leader, followers or sticky",
          [
            oneOf("A routing mode.", [
              ["leader", "Reads go to the leader."],
              ["followers", "Reads go to a follower."],
              ["sticky", "Reads keep going to the same replica."]
            ]),
            ref("node", "Reads go to this node.")
          ],
          { defaultText: "the cluster\u2019s `reads`" }
        ),
        guarantees: list(
          "Session guarantees the client library provides.",
          union(
            "A session guarantee.",
            "read-your-writes, monotonic-reads, consistent-prefix, or a map of one",
            [oneOf("A session guarantee with its default strategy.", GUARANTEES), guaranteeMap]
          )
        ),
        timeout: dur("Every operation of this client fails with `timeout` if it has no result by then.", {
          positive: true,
          default: "1s"
        })
      },
      { example: "{ node: n1 }" }
    )
  }
);
var keyRef = ref("key", "The data key.");
var valueType = { kind: "value", doc: "A value: a scalar or a list." };
var TIME_KEYS = ["at", "after"];
var CLIENT_ACTIONS = ["write", "read", "delete", "increment", "add", "remove"];
var FAULT_ACTIONS = [
  "crash",
  "recover",
  "partition",
  "cut",
  "heal",
  "skew",
  "addNode",
  "failover",
  "offline",
  "online"
];
var eventItem = obj(
  "One timeline item: a time, an optional id, and exactly one action.",
  {
    at: dur("Absolute virtual time of this item."),
    after: dur("Time after the previous item."),
    id: ref("op", "A name for this item, used by `expect` and in the trace.", { declares: true }),
    client: ref("client", "Who performs the operation (may be omitted when there is exactly one client)."),
    write: obj("Write a value.", { key: keyRef, value: valueType }, { required: ["key", "value"] }),
    read: ref("key", "Read a key."),
    delete: ref("key", "Delete a key (leaves a tombstone)."),
    increment: obj(
      "Increment a counter.",
      { key: keyRef, by: num("Amount to add (negative to subtract).", { default: 1 }) },
      { required: ["key"] }
    ),
    add: obj("Add an element to a set.", { key: keyRef, value: valueType }, { required: ["key", "value"] }),
    remove: obj(
      "Remove an element from a set.",
      { key: keyRef, value: valueType },
      { required: ["key", "value"] }
    ),
    crash: union("Crash a node: it loses its volatile state.", "a node id or { node: <node>, disk: lost }", [
      ref("node", "The node to crash (its disk survives)."),
      obj(
        "Crash a node.",
        {
          node: ref("node", "The node to crash."),
          disk: oneOf(
            "Whether the node\u2019s disk survives.",
            [
              ["kept", "Only volatile state is lost."],
              ["lost", "The disk is lost too: the node comes back empty."]
            ],
            { default: "kept" }
          )
        },
        { required: ["node"] }
      )
    ]),
    recover: ref("node", "Bring a crashed node back."),
    partition: list(
      "Split the network into groups that cannot reach each other; an actor in no group reaches every group.",
      list("A group of nodes and clients that can reach each other.", ref("actor", "A node or client.")),
      { minItems: 1 }
    ),
    cut: { kind: "link", both: false, doc: 'Cut one direction of a link ("a -> c").' },
    heal: union("Heal partitions and cuts.", 'all, a link ("a -> b" or "a <-> b"), or a list of links', [
      oneOf("Heal everything.", [["all", "Heal every partition and cut."]]),
      { kind: "link", both: true, doc: "Heal one link." },
      list("Heal these links.", { kind: "link", both: true, doc: "A link to heal." })
    ]),
    skew: obj(
      "Change a node\u2019s physical clock.",
      {
        node: ref("node", "The node whose clock changes."),
        offset: dur("New clock offset.", { signed: true }),
        drift: num("New clock drift.", { above: -1 })
      },
      { required: ["node"], atLeastOne: ["offset", "drift"] }
    ),
    addNode: obj(
      "Add a node to the cluster: it takes a snapshot and catches up.",
      {
        id: ref("node", "The new node\u2019s id.", { declares: true }),
        as: oneOf(
          "The new node\u2019s role.",
          [
            ["follower", "single-leader: a new follower."],
            ["leader", "multi-leader: a new leader."],
            ["replica", "leaderless: a new replica."]
          ],
          { defaultText: "follower, leader or replica, by family" }
        ),
        engineVersion: int("Storage engine version of the new node.", { min: 1, default: 1 })
      },
      { required: ["id"] }
    ),
    failover: ref("node", "Manual failover: promote this node to leader.", { families: SL }),
    offline: ref("client", "The client goes offline and keeps writing to its local replica.", {
      families: ML
    }),
    online: ref("client", "The client comes back online and syncs its local replica.", { families: ML })
  },
  {
    exactlyOne: [
      { keys: TIME_KEYS, what: "time", example: "at: 5ms" },
      { keys: [...CLIENT_ACTIONS, ...FAULT_ACTIONS], what: "action", example: "read: cart" }
    ]
  }
);
var expectItem = union(
  "An assertion checked when the run stops.",
  "converged, or a map with op, anomaly, no, leader or state",
  [
    oneOf("An expectation without settings.", [["converged", "Every live replica holds the same data."]]),
    obj(
      "The result of an operation.",
      {
        op: ref("op", "The id of the operation."),
        returns: list("The values read, one per sibling, compared as a set; [] means not found.", valueType),
        fails: bool("Whether the operation fails (e.g. quorum not reached).")
      },
      { required: ["op"], atLeastOne: ["returns", "fails"] }
    ),
    obj(
      "An anomaly that must occur.",
      {
        anomaly: anomalyName("The anomaly that must occur at least once."),
        count: int("How many times exactly.", { min: 0 })
      },
      { required: ["anomaly"] }
    ),
    obj(
      "An anomaly that must not occur.",
      { no: anomalyName("The anomaly that must not occur.") },
      { required: ["no"] }
    ),
    obj(
      "Who leads at the end.",
      { leader: ref("node", "The node that must be leader when the run stops.") },
      { required: ["leader"], families: SL }
    ),
    obj(
      "What a node stores at the end.",
      {
        state: obj(
          "The values a node must hold for a key when the run stops.",
          {
            node: ref("node", "The node."),
            key: keyRef,
            values: list("The values (siblings) it must hold, compared as a set.", valueType)
          },
          { required: ["node", "key", "values"] }
        )
      },
      { required: ["state"] }
    )
  ]
);
var SCENARIO_SCHEMA = obj(
  "A replication scenario: a cluster, a timeline of client operations and faults, and expectations.",
  {
    scenario: text("Title of the scenario."),
    description: text("What the scenario shows (Markdown)."),
    seed: int("Seed of every random choice: the same seed gives the same run.", { default: 1 }),
    cluster,
    network,
    clocks,
    storage,
    clients,
    events: list("The timeline of client operations and faults.", eventItem),
    run: obj("When the simulation stops.", {
      until: union(
        "Stop at this virtual time, or `quiet`: nothing in flight and at least 1s after the last event.",
        "a duration (2s) or quiet",
        [
          dur("Stop at this virtual time.", { positive: true }),
          oneOf("Stop when quiet.", [
            [
              "quiet",
              "No messages in flight, no timers but periodic ones, and at least 1s after the last event."
            ]
          ])
        ],
        { default: "quiet" }
      ),
      maxEvents: int("Budget of simulated events: the run stops with a message when it is exceeded.", {
        min: 1,
        default: 1e6
      })
    }),
    expect: list("Assertions checked when the run stops.", expectItem)
  },
  { required: ["scenario", "cluster", "events"] }
);

// engine/scenario/suggest.ts
function editDistance(a, b) {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}
function closest(word, candidates) {
  const lower = word.toLowerCase();
  let best;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c === word) continue;
    const cl = c.toLowerCase();
    const score = cl === lower || cl.replace(/[-_.]/g, "") === lower.replace(/[-_.]/g, "") ? 0 : editDistance(lower, cl);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best === void 0) return void 0;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestScore <= limit ? best : void 0;
}
function listOr(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
function listAnd(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// engine/scenario/validate.ts
var MAX_ALIAS_DEPTH = 20;
function report(ctx, severity, code, at, message, fix) {
  const d = { ...ctx.src.range(at[0], at[1]), severity, message, code };
  if (ctx.file !== void 0) d.file = ctx.file;
  if (fix) {
    const f = {
      title: fix.title,
      replacement: fix.replacement,
      range: ctx.src.range(fix.at[0], fix.at[1])
    };
    d.fix = f;
  }
  ctx.diagnostics.push(d);
  return d;
}
function resolveType(t) {
  let r = t;
  for (let i = 0; r.kind === "ref" && i < 10; i++) {
    const def = DEFINITIONS[r.name];
    if (!def) break;
    r = def;
  }
  return r;
}
function rangeOf2(node, fallback) {
  const r = node?.range;
  if (!r || r[1] <= r[0]) return fallback;
  return [r[0], r[1]];
}
var REF_WHAT = {
  node: "a node id",
  client: "a client name",
  actor: "a node or client id",
  key: "a data key",
  op: "an op id",
  shard: "a shard name"
};
function describe(t) {
  switch (t.kind) {
    case "string":
      return t.ref ? REF_WHAT[t.ref] : "a string";
    case "enum":
      return t.values.length === 1 ? t.values[0].value : `one of ${t.values.map((v) => v.value).join(", ")}`;
    case "number": {
      const base = t.integer ? "an integer" : "a number";
      if (t.min !== void 0 && t.max !== void 0) return `${base} between ${t.min} and ${t.max}`;
      if (t.min !== void 0) return `${base} \u2265 ${t.min}`;
      if (t.above !== void 0) return `${base} > ${t.above}`;
      return base;
    }
    case "boolean":
      return t.only === void 0 ? "true or false" : String(t.only);
    case "duration":
      return `a ${t.signed ? "" : t.positive ? "positive " : "non-negative "}duration such as 5ms, 250us or 1.5s`;
    case "range":
      return "a range such as 2ms..20ms";
    case "link":
      return t.both ? 'a link such as "a -> b" or "a <-> b"' : 'a one-way link such as "a -> b"';
    case "value":
      return "a value (a scalar or a list)";
    case "object":
      return "a map";
    case "array":
      return "a list";
    case "union":
      return t.what;
    case "ref":
      return describe(resolveType(t));
  }
}
function show(v) {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
function familiesText(f) {
  return `${listOr([...f])} clusters`;
}
function reportUnknownAnchor(ctx, alias, keyRange) {
  report(
    ctx,
    "error",
    "alias",
    rangeOf2(alias, keyRange),
    `alias *${alias.source} refers to no anchor: define &${alias.source} on a value before this line, or write the value here`
  );
}
function toValue(node, ctx, label) {
  if (node === null || node === void 0) return null;
  if ((0, import_yaml.isAlias)(node)) {
    if (ctx.depth > MAX_ALIAS_DEPTH || ctx.aliasBudget-- <= 0) {
      report(ctx, "error", "alias", rangeOf2(node, [0, 0]), "aliases nest too deeply or expand too much");
      return void 0;
    }
    const target = node.resolve(ctx.doc);
    if (!target) {
      reportUnknownAnchor(ctx, node, [0, 0]);
      return void 0;
    }
    ctx.depth++;
    const v = toValue(target, ctx, label);
    ctx.depth--;
    return v;
  }
  if ((0, import_yaml.isScalar)(node)) {
    const v = node.value;
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "bigint") return Number(v);
    report(
      ctx,
      "error",
      "type",
      rangeOf2(node, [0, 0]),
      `\`${label}\`: ${show(String(v))} is not a plain value`
    );
    return void 0;
  }
  if ((0, import_yaml.isSeq)(node)) {
    const out = [];
    let ok = true;
    for (const item of node.items) {
      const v = toValue(item, ctx, label);
      if (v === void 0) ok = false;
      else out.push(v);
    }
    return ok ? out : void 0;
  }
  report(
    ctx,
    "error",
    "type",
    rangeOf2(node, [0, 0]),
    `\`${label}\` must be a scalar or a list: maps are not values (write a list, e.g. [milk, eggs])`
  );
  return void 0;
}
function check(node, type, place, ctx) {
  return checkNode(node ?? null, type, place, ctx);
}
function checkNode(node, type, place, ctx) {
  if (node && (0, import_yaml.isAlias)(node)) {
    if (ctx.depth >= MAX_ALIAS_DEPTH || ctx.aliasBudget <= 0) {
      report(
        ctx,
        "error",
        "alias",
        rangeOf2(node, place.keyRange),
        "aliases nest too deeply or expand too much"
      );
      return void 0;
    }
    ctx.aliasBudget--;
    const target = node.resolve(ctx.doc);
    if (!target) {
      reportUnknownAnchor(ctx, node, place.keyRange);
      return void 0;
    }
    ctx.depth++;
    try {
      return checkNode(target, type, place, ctx);
    } finally {
      ctx.depth--;
    }
  }
  const t = resolveType(type);
  const range = rangeOf2(node, place.keyRange);
  switch (t.kind) {
    case "object":
      return checkObject(node, t, place, ctx);
    case "array":
      return checkArray(node, t, place, ctx);
    case "union":
      return checkUnion(node, t, place, ctx);
    case "value": {
      const v = toValue(node, ctx, place.label);
      return v === void 0 ? void 0 : { kind: "data", value: v, range, schema: t };
    }
    default:
      break;
  }
  if (node !== null && !(0, import_yaml.isScalar)(node)) {
    const what = (0, import_yaml.isMap)(node) ? "a map" : (0, import_yaml.isSeq)(node) ? "a list" : "this";
    report(ctx, "error", "type", range, `\`${place.label}\` must be ${describe(t)}, not ${what}`);
    return void 0;
  }
  const raw = node === null ? null : node.value;
  if (raw === null || raw === void 0) {
    report(ctx, "error", "missing-value", range, `\`${place.label}\` needs a value: ${describe(t)}`);
    return void 0;
  }
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
    report(ctx, "error", "type", range, `\`${place.label}\` must be ${describe(t)}`);
    return void 0;
  }
  const ok = (parsed) => ({ kind: "scalar", value: raw, parsed, range, schema: t });
  const bad = (message, code = "type") => {
    report(ctx, "error", code, range, message);
    return void 0;
  };
  switch (t.kind) {
    case "string": {
      if (!t.ref) return typeof raw === "string" ? ok(raw) : ok(String(raw));
      if (typeof raw !== "string" || !isIdentifier(raw)) {
        return bad(
          `\`${place.label}\` must be ${describe(t)}: "${show(String(raw))}" is not an identifier (a letter, then letters, digits, _ . -)`,
          "bad-identifier"
        );
      }
      ctx.symbols.push({
        kind: t.ref,
        name: raw,
        start: range[0],
        end: range[1],
        declares: t.declares === true,
        key: place.label
      });
      return ok(raw);
    }
    case "enum": {
      const allowed = t.values.map((v) => v.value);
      if (typeof raw === "string" && allowed.includes(raw)) return ok(raw);
      const guess = closest(String(raw), allowed);
      const msg = `\`${place.label}\` must be one of ${allowed.join(", ")}${guess ? `; did you mean ${guess}?` : ""}`;
      report(
        ctx,
        "error",
        "bad-value",
        range,
        msg,
        guess ? { title: `Change to ${guess}`, replacement: guess, at: range } : void 0
      );
      return void 0;
    }
    case "number": {
      if (typeof raw !== "number" || !Number.isFinite(raw))
        return bad(`\`${place.label}\` must be ${describe(t)}`);
      if (t.integer && !Number.isInteger(raw))
        return bad(`\`${place.label}\` must be ${describe(t)}, not ${raw}`);
      if (t.min !== void 0 && raw < t.min || t.max !== void 0 && raw > t.max || t.above !== void 0 && raw <= t.above) {
        return bad(`\`${place.label}\` must be ${describe(t)}, not ${raw}`, "out-of-range");
      }
      return ok(raw);
    }
    case "boolean": {
      if (typeof raw === "string" && /^(yes|no|on|off|y|n)$/i.test(raw)) {
        return bad(`\`${place.label}\` must be ${describe(t)}: YAML 1.2 reads ${raw} as a string`);
      }
      if (typeof raw !== "boolean" || t.only !== void 0 && raw !== t.only) {
        return bad(`\`${place.label}\` must be ${describe(t)}, not ${show(raw)}`);
      }
      return ok(raw);
    }
    case "duration": {
      if (typeof raw === "boolean") return bad(`\`${place.label}\` must be ${describe(t)}, not ${raw}`);
      const d = parseDuration(raw);
      if (!d.ok) return bad(`\`${place.label}\`: ${d.message}`);
      if (d.value < 0 && !t.signed) return bad(`\`${place.label}\` cannot be negative`, "out-of-range");
      if (d.value === 0 && t.positive) return bad(`\`${place.label}\` must be more than 0`, "out-of-range");
      return ok(d.value);
    }
    case "range": {
      if (typeof raw !== "string") return bad(`\`${place.label}\` must be ${describe(t)}`);
      const r = parseRange(raw);
      if (!r) return bad(`\`${place.label}\` must be ${describe(t)}`);
      if (!r.ok) return bad(`\`${place.label}\`: ${r.message}`);
      return ok(r.value);
    }
    case "link": {
      if (typeof raw !== "string") return bad(`\`${place.label}\` must be ${describe(t)}`);
      const l = parseLink(raw);
      if (!l.ok) return bad(`\`${place.label}\`: ${l.message}`, "bad-link");
      if (l.value.both && !t.both) {
        return bad(
          `\`${place.label}\` cuts one direction: write "${l.value.from} -> ${l.value.to}" (use partition for both)`,
          "bad-link"
        );
      }
      if (l.value.from === l.value.to)
        return bad(`\`${place.label}\`: a link joins two different actors`, "bad-link");
      addLinkSymbols(l.value, node, range, ctx);
      return ok(l.value);
    }
  }
  return void 0;
}
function contentStart(node, text2, range, value) {
  const src = text2.slice(range[0], range[1]);
  const at = src.indexOf(value);
  if (at >= 0) return range[0] + at;
  return (0, import_yaml.isScalar)(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") ? range[0] + 1 : range[0];
}
function addLinkSymbols(l, node, range, ctx, raw) {
  const source = raw ?? (node && (0, import_yaml.isScalar)(node) ? String(node.value) : "");
  const base = node ? contentStart(node, ctx.src.text, range, source) : range[0];
  const clampEnd = (s, len) => {
    const a = Math.min(s, range[1]);
    return [a, Math.min(a + len, range[1])];
  };
  const [fs, fe] = clampEnd(base + l.fromAt, l.from.length);
  const [ts, te] = clampEnd(base + l.toAt, l.to.length);
  ctx.symbols.push({ kind: "actor", name: l.from, start: fs, end: fe, declares: false });
  ctx.symbols.push({ kind: "actor", name: l.to, start: ts, end: te, declares: false });
}
function pairKeyRange(pair, fallback) {
  return rangeOf2(pair.key, fallback);
}
function mapPairs(map, ctx) {
  const own = map.items.filter((p) => !((0, import_yaml.isScalar)(p.key) && p.key.value === "<<"));
  if (own.length === map.items.length) return map.items;
  const merged = [];
  const seen = new Set(own.map((p) => (0, import_yaml.isScalar)(p.key) ? String(p.key.value) : ""));
  for (const p of map.items) {
    if (!((0, import_yaml.isScalar)(p.key) && p.key.value === "<<")) continue;
    const sources = (0, import_yaml.isSeq)(p.value) ? p.value.items : [p.value];
    for (const s of sources) {
      const target = (0, import_yaml.isAlias)(s) ? s.resolve(ctx.doc) : s;
      if (!(0, import_yaml.isMap)(target)) {
        report(
          ctx,
          "error",
          "type",
          rangeOf2(p.key, [0, 0]),
          "`<<` merges a map (e.g. <<: *defaults)"
        );
        continue;
      }
      for (const q of target.items) {
        const k = (0, import_yaml.isScalar)(q.key) ? String(q.key.value) : "";
        if (!seen.has(k)) {
          seen.add(k);
          merged.push(q);
        }
      }
    }
  }
  return [...own, ...merged];
}
function checkObject(node, t, place, ctx) {
  const range = rangeOf2(node, place.keyRange);
  if (node !== null && !(0, import_yaml.isMap)(node) && !((0, import_yaml.isScalar)(node) && node.value === null)) {
    const what = (0, import_yaml.isSeq)(node) ? "a list" : `"${show((0, import_yaml.isScalar)(node) ? node.value : "")}"`;
    report(ctx, "error", "type", range, `\`${place.label}\` must be a map, not ${what}${exampleHint(t)}`);
    return void 0;
  }
  const out = { kind: "map", entries: /* @__PURE__ */ new Map(), range, schema: t, allKeys: /* @__PURE__ */ new Map() };
  const pairs = node && (0, import_yaml.isMap)(node) ? mapPairs(node, ctx) : [];
  if (node && (0, import_yaml.isMap)(node)) out.node = node;
  const allowedKeys = Object.keys(t.properties).filter((k) => {
    const f = resolveType(t.properties[k]).families ?? t.properties[k].families;
    return !f || !ctx.replication || f.includes(ctx.replication);
  });
  for (const pair of pairs) {
    if (!(0, import_yaml.isPair)(pair)) continue;
    const keyNode = pair.key;
    const keyRange = pairKeyRange(pair, range);
    if (!keyNode || !(0, import_yaml.isScalar)(keyNode) || keyNode.value === null || typeof keyNode.value === "object") {
      report(ctx, "error", "bad-key", keyRange, `keys in \`${place.label}\` must be plain names`);
      continue;
    }
    const key = String(keyNode.value);
    if (!out.allKeys.has(key)) out.allKeys.set(key, keyRange);
    if (out.entries.has(key)) continue;
    const valueNode = pair.value;
    const prop = Object.hasOwn(t.properties, key) ? t.properties[key] : void 0;
    if (prop) {
      const fam = prop.families;
      if (fam && ctx.replication && !fam.includes(ctx.replication)) {
        report(
          ctx,
          "error",
          "wrong-family",
          keyRange,
          `\`${key}\` only applies to ${familiesText(fam)}; this cluster is ${ctx.replication}`
        );
        continue;
      }
      const c = checkNode(valueNode, prop, { label: key, keyRange }, ctx);
      if (c) out.entries.set(key, { key, keyRange, value: c });
      continue;
    }
    if (t.additional) {
      if (!checkAdditionalKey(key, keyNode, keyRange, t, place, ctx)) continue;
      const c = checkNode(valueNode, t.additional, { label: key, keyRange }, ctx);
      if (c) out.entries.set(key, { key, keyRange, value: c });
      continue;
    }
    unknownKey(key, keyRange, allowedKeys, t, place, ctx);
  }
  checkKeyGroups(out, t, place, range, ctx);
  return out;
}
function exampleHint(t) {
  return t.example ? ` (e.g. ${t.example})` : "";
}
function checkAdditionalKey(key, keyNode, keyRange, t, place, ctx) {
  const ak = t.additionalKeys;
  if (!ak) return true;
  if (ak.link) {
    const l = parseLink(key);
    if (!l.ok) {
      report(ctx, "error", "bad-link", keyRange, `\`${place.label}\`: ${l.message}`);
      return false;
    }
    if (l.value.from === l.value.to) {
      report(ctx, "error", "bad-link", keyRange, `\`${place.label}\`: a link joins two different actors`);
      return false;
    }
    addLinkSymbols(l.value, keyNode, keyRange, ctx, key);
    return true;
  }
  if (ak.ref) {
    if (!isIdentifier(key)) {
      const allowed = Object.keys(t.properties);
      const guess = allowed.length ? closest(key, allowed) : void 0;
      report(
        ctx,
        "error",
        "bad-identifier",
        keyRange,
        `\`${key}\` in \`${place.label}\` must be ${ak.what}: an identifier (a letter, then letters, digits, _ . -)${guess ? `; did you mean \`${guess}\`?` : ""}`
      );
      return false;
    }
    ctx.symbols.push({
      kind: ak.ref,
      name: key,
      start: keyRange[0],
      end: keyRange[1],
      declares: ak.declares === true
    });
  }
  return true;
}
function unknownKey(key, keyRange, allowed, t, place, ctx) {
  const other = Object.hasOwn(t.properties, key) ? t.properties[key] : void 0;
  if (other?.families) return;
  const guess = closest(key, allowed);
  const where = place.label ? ` in \`${place.label}\`` : "";
  const message = guess ? `unknown key \`${key}\`${where}; did you mean \`${guess}\`?` : `unknown key \`${key}\`${where}; allowed: ${allowed.join(", ")}`;
  report(
    ctx,
    "error",
    "unknown-key",
    keyRange,
    message,
    guess ? { title: `Change to ${guess}`, replacement: guess, at: keyRange } : void 0
  );
}
function mapAnchor(out, place, ctx) {
  if (place.keyRange[1] > place.keyRange[0]) return place.keyRange;
  const start = out.range[0];
  const lineEnd = ctx.src.lineEnd(ctx.src.line(start));
  return [start, Math.max(start, Math.min(out.range[1], lineEnd))];
}
function checkKeyGroups(out, t, place, range, ctx) {
  const anchor = () => mapAnchor(out, place, ctx);
  for (const req of t.required ?? []) {
    if (out.allKeys.has(req)) continue;
    const p = t.properties[req];
    report(
      ctx,
      "error",
      "missing-key",
      anchor(),
      `${place.label ? `\`${place.label}\`` : "the scenario"} needs \`${req}\`: ${describe(p)}`
    );
  }
  for (const group of t.exactlyOne ?? []) {
    const present = group.keys.filter((k) => out.allKeys.has(k));
    if (present.length === 0) {
      const stray = [...out.allKeys.keys()].filter((k) => !Object.hasOwn(t.properties, k));
      if (stray.some((k) => closest(k, group.keys))) continue;
      const hint = stray.length ? "" : ` (e.g. ${group.example})`;
      report(
        ctx,
        "error",
        `missing-${group.what}`,
        anchor(),
        `${place.label ? `\`${place.label}\`` : "this item"} needs ${group.what === "action" ? "an" : "a"} ${group.what}: one of ${group.keys.join(", ")}${hint}`
      );
    } else if (present.length > 1) {
      const second = out.allKeys.get(present[1]) ?? range;
      report(
        ctx,
        "error",
        group.what === "action" ? "multiple-actions" : `multiple-${group.what}s`,
        second,
        `one ${group.what} per item: this item has ${listAnd(present.map((k) => `\`${k}\``))}`
      );
    }
  }
  if (t.atLeastOne && !t.atLeastOne.some((k) => out.allKeys.has(k))) {
    report(
      ctx,
      "error",
      "missing-key",
      anchor(),
      `${place.label ? `\`${place.label}\`` : "this item"} needs ${listOr(t.atLeastOne.map((k) => `\`${k}\``))}`
    );
  }
}
function checkArray(node, t, place, ctx) {
  const range = rangeOf2(node, place.keyRange);
  if (node !== null && !(0, import_yaml.isSeq)(node) && !((0, import_yaml.isScalar)(node) && node.value === null)) {
    const what = (0, import_yaml.isMap)(node) ? "a map" : `"${show((0, import_yaml.isScalar)(node) ? node.value : "")}"`;
    report(ctx, "error", "type", range, `\`${place.label}\` must be a list, not ${what}`);
    return void 0;
  }
  const items = node && (0, import_yaml.isSeq)(node) ? node.items : [];
  const out = { kind: "seq", items: [], range, schema: t };
  for (let i = 0; i < items.length; i++) {
    const n = items[i];
    const [start, end] = rangeOf2(n, range);
    const firstLine2 = [start, Math.max(start, Math.min(end, ctx.src.lineEnd(ctx.src.line(start))))];
    out.items.push(checkNode(n, t.items, { label: `${place.label}[${i}]`, keyRange: firstLine2 }, ctx));
  }
  if (t.minItems !== void 0 && items.length < t.minItems) {
    report(
      ctx,
      "error",
      "too-few",
      range,
      `\`${place.label}\` needs at least ${t.minItems} item${t.minItems > 1 ? "s" : ""}`
    );
  }
  return out;
}
function looksLike(t, raw) {
  if (typeof raw !== "string") return false;
  switch (t.kind) {
    case "range":
      return raw.includes("..");
    case "link":
      return raw.includes("->");
    case "duration":
      return /^[+-]?[\d.]/.test(raw) && !raw.includes("..");
    default:
      return false;
  }
}
function discriminators(t) {
  return [...t.required ?? [], ...(t.exactlyOne ?? []).flatMap((g) => g.keys)];
}
function checkUnion(node, t, place, ctx) {
  const range = rangeOf2(node, place.keyRange);
  const variants = t.variants.map(resolveType);
  const familyCheck = (v) => {
    if (v.families && ctx.replication && !v.families.includes(ctx.replication)) {
      const name = v.kind === "object" ? v.required?.[0] ?? place.label : place.label;
      report(
        ctx,
        "error",
        "wrong-family",
        range,
        `\`${name}\` only applies to ${familiesText(v.families)}; this cluster is ${ctx.replication}`
      );
      return false;
    }
    return true;
  };
  if (node && (0, import_yaml.isMap)(node)) {
    const maps = variants.filter((v) => v.kind === "object");
    if (maps.length === 0) {
      report(ctx, "error", "type", range, `\`${place.label}\` must be ${t.what}, not a map`);
      return void 0;
    }
    if (maps.length === 1) return familyCheck(maps[0]) ? checkObject(node, maps[0], place, ctx) : void 0;
    const keys = node.items.map((p) => (0, import_yaml.isScalar)(p.key) ? String(p.key.value) : "");
    const chosen = maps.find((m) => discriminators(m).some((d) => keys.includes(d)));
    if (chosen) return familyCheck(chosen) ? checkObject(node, chosen, place, ctx) : void 0;
    const all = maps.flatMap(discriminators);
    const firstKey = node.items[0];
    const guess2 = keys.length ? closest(keys[0], all) : void 0;
    const keyRange = firstKey ? pairKeyRange(firstKey, range) : range;
    report(
      ctx,
      keys.length ? "error" : "error",
      keys.length ? "unknown-key" : "type",
      keys.length ? keyRange : range,
      `\`${place.label}\` must be ${t.what}${guess2 ? `; did you mean \`${guess2}\`?` : ""}`,
      guess2 ? { title: `Change to ${guess2}`, replacement: guess2, at: keyRange } : void 0
    );
    return void 0;
  }
  if (node && (0, import_yaml.isSeq)(node)) {
    const seqs = variants.filter((v) => v.kind === "array" || v.kind === "value");
    if (seqs.length === 0) {
      report(ctx, "error", "type", range, `\`${place.label}\` must be ${t.what}, not a list`);
      return void 0;
    }
    return familyCheck(seqs[0]) ? checkNode(node, seqs[0], place, ctx) : void 0;
  }
  const scalars = variants.filter((v) => v.kind !== "object" && v.kind !== "array");
  if (scalars.length === 0) {
    report(ctx, "error", "type", range, `\`${place.label}\` must be ${t.what}`);
    return void 0;
  }
  if (scalars.length === 1 && scalars[0].kind !== "enum") {
    return familyCheck(scalars[0]) ? checkNode(node, scalars[0], place, ctx) : void 0;
  }
  const failures = [];
  for (const v of scalars) {
    const scratch = { ...ctx, diagnostics: [], symbols: [] };
    const c = checkNode(node, v, place, scratch);
    if (c && !scratch.diagnostics.some((d) => d.severity === "error")) {
      ctx.diagnostics.push(...scratch.diagnostics);
      ctx.symbols.push(...scratch.symbols);
      return familyCheck(v) ? c : void 0;
    }
    failures.push({ v, diagnostics: scratch.diagnostics });
  }
  const raw = node && (0, import_yaml.isScalar)(node) ? node.value : null;
  const meant = failures.filter((f) => looksLike(f.v, raw));
  if (meant.length === 1) {
    ctx.diagnostics.push(...meant[0].diagnostics);
    return void 0;
  }
  const enumValues = scalars.flatMap((v) => v.kind === "enum" ? v.values.map((e) => e.value) : []);
  const guess = typeof raw === "string" ? closest(raw, enumValues) : void 0;
  report(
    ctx,
    "error",
    raw === null ? "missing-value" : "bad-value",
    range,
    `\`${place.label}\` must be ${t.what}${guess ? `; did you mean ${guess}?` : ""}`,
    guess ? { title: `Change to ${guess}`, replacement: guess, at: range } : void 0
  );
  return void 0;
}

// engine/scenario/normalizeContext.ts
var say = report;
function lineOf(ctx, c) {
  const at = "range" in c ? c.range[0] : c[0];
  return ctx.src.line(at);
}
function defaultOf(t) {
  if (!t || t.default === void 0) return void 0;
  const r = resolveType(t);
  if (r.kind === "duration" || r.kind === "union" && typeof t.default === "string" && /\d/.test(t.default)) {
    const d = parseDuration(t.default);
    return d.ok ? d.value : void 0;
  }
  return t.default;
}
function read(m, key, fallbackSchema) {
  const c = asScalar(entry(m, key));
  if (c) return c.parsed;
  const schema = m?.schema.properties[key] ?? fallbackSchema;
  return defaultOf(schema);
}
function sub(m, key) {
  const found = asMap(entry(m, key));
  if (found || !m) return found;
  if (m.allKeys.has(key)) return void 0;
  const t = m.schema.properties[key];
  const schema = t ? resolveType(t) : void 0;
  if (schema?.kind !== "object") return void 0;
  return { kind: "map", entries: /* @__PURE__ */ new Map(), range: [m.range[0], m.range[0]], schema, allKeys: /* @__PURE__ */ new Map() };
}
function has(m, key) {
  return !!m?.entries.has(key);
}
function toDistribution(c) {
  if (!c) return void 0;
  if (c.kind === "scalar") {
    if (c.schema.kind === "range") {
      const r = c.parsed;
      return r.min === r.max ? { kind: "fixed", ms: r.min } : { kind: "uniform", min: r.min, max: r.max };
    }
    return { kind: "fixed", ms: c.parsed };
  }
  const m = asMap(c);
  if (!m) return void 0;
  const exp = entry(m, "exponential");
  if (exp) {
    if (exp.kind === "scalar") return { kind: "exponential", mean: exp.parsed };
    const rate = read(asMap(exp), "rate");
    return rate > 0 ? { kind: "exponential", mean: 1 / rate } : void 0;
  }
  const pareto = asMap(entry(m, "pareto"));
  if (pareto) {
    const min = read(pareto, "min");
    const alpha = read(pareto, "alpha");
    return min !== void 0 && alpha !== void 0 ? { kind: "pareto", min, alpha } : void 0;
  }
  const logn = asMap(entry(m, "lognormal"));
  if (logn) {
    const median = read(logn, "median");
    const sigma = read(logn, "sigma");
    return median !== void 0 && sigma !== void 0 ? { kind: "lognormal", median, sigma } : void 0;
  }
  const mix = asSeq(entry(m, "mixture"));
  if (mix) {
    const parts = [];
    for (const item of mix.items) {
      const part = asMap(item);
      const weight = read(part, "weight");
      const of = toDistribution(entry(part, "of"));
      if (weight === void 0 || !of) return void 0;
      parts.push({ weight, of });
    }
    return parts.length ? { kind: "mixture", parts } : void 0;
  }
  return void 0;
}
function sourceText(ctx, at) {
  return ctx.src.text.slice(at[0], at[1]).replace(/\s*\n\s*/g, " ").trim();
}

// engine/scenario/cluster.ts
function normalizeNodes(cluster2, ctx) {
  const nodes = [];
  for (const item of asSeq(entry(cluster2, "nodes"))?.items ?? []) {
    if (!item) continue;
    if (item.kind === "scalar") {
      nodes.push({ id: item.parsed, engineVersion: 1, line: lineOf(ctx, item) });
      continue;
    }
    const m = asMap(item);
    const id = read(m, "id");
    if (m && id !== void 0)
      nodes.push({ id, engineVersion: read(m, "engineVersion"), line: lineOf(ctx, m) });
  }
  return nodes;
}
function normalizeCluster(cluster2, ctx) {
  const written = read(cluster2, "replication");
  const replication = written ?? "single-leader";
  const nodes = normalizeNodes(cluster2, ctx);
  switch (replication) {
    case "single-leader":
      return singleLeader(cluster2, nodes, ctx, written !== void 0);
    case "multi-leader":
      return multiLeader(cluster2, nodes);
    case "leaderless":
      return leaderless2(cluster2, nodes, ctx);
  }
}
function followersOf(m, leader, nodes, fillUnlisted, ctx) {
  const out = {};
  const explicit = asMap(entry(m, "followers"));
  if (explicit) {
    for (const [id, e] of explicit.entries) {
      if (id === leader) {
        say(
          ctx,
          "error",
          "leader-is-follower",
          e.keyRange,
          `\`${id}\` is the leader; it cannot also be its follower`
        );
        continue;
      }
      out[id] = asScalar(e.value)?.parsed ?? "async";
    }
  }
  if (!explicit || fillUnlisted) {
    for (const n of nodes) if (n.id !== leader && !(n.id in out)) out[n.id] = "async";
  }
  return out;
}
function singleLeader(cluster2, nodes, ctx, check2 = true) {
  const leader = read(cluster2, "leader") ?? nodes[0]?.id ?? "";
  const followers2 = followersOf(cluster2, leader, nodes, true, ctx);
  const failoverMap = asMap(entry(cluster2, "failover"));
  const config = {
    replication: "single-leader",
    nodes,
    leader,
    followers: followers2,
    semiSync: read(cluster2, "semiSync"),
    log: read(cluster2, "log"),
    heartbeat: read(cluster2, "heartbeat"),
    reads: read(cluster2, "reads")
  };
  if (failoverMap) {
    config.failover = {
      timeout: read(failoverMap, "timeout"),
      elect: read(failoverMap, "elect"),
      fencing: read(failoverMap, "fencing")
    };
  }
  const shards = asMap(entry(cluster2, "shards"));
  if (shards) config.shards = normalizeShards(shards, nodes, ctx);
  if (check2) checkSingleLeader(cluster2, config, ctx);
  return config;
}
function normalizeShards(shards, nodes, ctx) {
  const out = [];
  const owner = /* @__PURE__ */ new Map();
  for (const [name, e] of shards.entries) {
    const m = asMap(e.value);
    const leader = read(m, "leader");
    if (!m || leader === void 0) continue;
    const keys = [];
    for (const k of asSeq(entry(m, "keys"))?.items ?? []) {
      const s = asScalar(k);
      if (!s) continue;
      const key = s.parsed;
      const prev = owner.get(key);
      if (prev) {
        say(
          ctx,
          "error",
          "shard-key-twice",
          s.range,
          `key \`${key}\` already belongs to shard \`${prev.shard}\` (line ${prev.line}); a key lives in one shard`
        );
        continue;
      }
      owner.set(key, { shard: name, line: lineOf(ctx, s) });
      keys.push(key);
    }
    out.push({
      name,
      leader,
      followers: followersOf(m, leader, nodes, false, ctx),
      keys,
      line: lineOf(ctx, e.keyRange)
    });
  }
  return out;
}
function checkSingleLeader(cluster2, c, ctx) {
  const followers2 = asMap(entry(cluster2, "followers"));
  const sync = Object.entries(c.followers).filter(([, mode]) => mode === "sync");
  if (sync.length > 0 && !c.failover && !c.semiSync) {
    const [first] = sync[0];
    const at = followers2?.entries.get(first)?.value.range ?? entry(cluster2, "replication")?.range ?? [0, 0];
    say(
      ctx,
      "warning",
      "sync-without-failover",
      at,
      `\`${first}\` is a sync follower and no \`failover\` is configured: if it crashes, the leader blocks every write forever (add \`failover\` or \`semiSync: true\`)`
    );
  }
  if (c.failover && c.failover.timeout < 2 * c.heartbeat) {
    const at = asMap(entry(cluster2, "failover"))?.entries.get("timeout")?.value.range;
    if (at) {
      say(
        ctx,
        "warning",
        "short-failover-timeout",
        at,
        `the failover timeout (${c.failover.timeout}ms) is less than two heartbeats (${c.heartbeat}ms each): one lost or late heartbeat starts a needless failover`
      );
    }
  }
  if (c.semiSync && sync.length === 0) {
    const at = cluster2?.entries.get("semiSync")?.keyRange;
    if (at)
      say(ctx, "warning", "semisync-without-sync", at, "`semiSync` has no effect without a sync follower");
  }
  if (c.log === "wal") {
    const versions = new Set(c.nodes.map((n) => n.engineVersion));
    const at = cluster2?.entries.get("log")?.value.range;
    if (versions.size > 1 && at) {
      say(
        ctx,
        "info",
        "wal-mixed-versions",
        at,
        `nodes run different engine versions (${[...versions].join(", ")}): a wal log only applies on nodes of the leader\u2019s version`
      );
    }
  }
}
function multiLeader(cluster2, nodes) {
  const homes = {};
  for (const [key, e] of asMap(entry(cluster2, "homes"))?.entries ?? [])
    homes[key] = asScalar(e.value)?.parsed;
  const types = {};
  for (const [key, e] of asMap(entry(cluster2, "types"))?.entries ?? [])
    types[key] = asScalar(e.value)?.parsed;
  return {
    replication: "multi-leader",
    nodes,
    topology: topologyOf(cluster2),
    conflicts: read(cluster2, "conflicts"),
    causality: read(cluster2, "causality"),
    homes,
    types
  };
}
function topologyOf(cluster2) {
  const t = entry(cluster2, "topology");
  if (!t || t.kind === "scalar") return { kind: t?.parsed ?? "all-to-all" };
  const m = asMap(t);
  const star = read(m, "star");
  if (star !== void 0) return { kind: "star", hub: star };
  const links = [];
  for (const item of asSeq(entry(m, "links"))?.items ?? []) {
    const l = asScalar(item)?.parsed;
    if (!l) continue;
    links.push({ from: l.from, to: l.to });
    if (l.both) links.push({ from: l.to, to: l.from });
  }
  return { kind: "links", links };
}
function leaderless2(cluster2, nodes, ctx) {
  const explicitN = read(cluster2, "n");
  const placement = read(cluster2, "placement");
  const n = explicitN ?? Math.max(1, placement === "all" ? nodes.length : Math.min(3, nodes.length));
  const majority = Math.floor(n / 2) + 1;
  const w = read(cluster2, "w") ?? majority;
  const r = read(cluster2, "r") ?? majority;
  const config = {
    replication: "leaderless",
    nodes,
    n,
    w,
    r,
    coordinator: read(cluster2, "coordinator"),
    placement,
    vnodes: read(cluster2, "vnodes"),
    readRepair: read(cluster2, "readRepair"),
    antiEntropy: read(cluster2, "antiEntropy"),
    sloppyQuorum: read(cluster2, "sloppyQuorum"),
    hintedHandoff: read(cluster2, "hintedHandoff"),
    versioning: read(cluster2, "versioning"),
    writeFanout: read(cluster2, "writeFanout")
  };
  checkQuorums(cluster2, config, explicitN !== void 0, ctx);
  return config;
}
function checkQuorums(cluster2, c, explicitN, ctx) {
  const at = (key) => cluster2?.entries.get(key)?.value.range;
  const nText = explicitN ? `n = ${c.n}` : `n = ${c.n} (the default, min(3, nodes))`;
  const nodesValid = has(cluster2, "nodes") && c.nodes.length > 0;
  if (explicitN && nodesValid && c.n > c.nodes.length) {
    say(
      ctx,
      "error",
      "n-greater-than-nodes",
      at("n") ?? [0, 0],
      `n = ${c.n} is more than the ${c.nodes.length} node${c.nodes.length === 1 ? "" : "s"}: each key needs n distinct replicas`
    );
  }
  const wAt = at("w");
  const rAt = at("r");
  let quorumError = false;
  for (const [q, value, where, op] of [
    ["w", c.w, wAt, "write"],
    ["r", c.r, rAt, "read"]
  ]) {
    if (where && value > c.n) {
      say(
        ctx,
        "error",
        `${q}-greater-than-n`,
        where,
        `${q} = ${value} is more than ${nText}: no ${op} could ever succeed`
      );
      quorumError = true;
    }
  }
  if (!quorumError && (wAt || rAt) && c.w + c.r <= c.n) {
    say(
      ctx,
      "warning",
      "stale-quorum",
      rAt ?? wAt,
      `reads may miss the latest write: w + r = ${c.w + c.r} is not greater than n = ${c.n}`
    );
  }
  if (c.placement === "all" && explicitN && nodesValid && c.n !== c.nodes.length) {
    say(
      ctx,
      "warning",
      "placement-all-n",
      at("placement") ?? [0, 0],
      `with placement all every node stores every key, so n is the ${c.nodes.length} nodes, not ${c.n}`
    );
  }
}

// engine/scenario/diagnostics.ts
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}
function sortDiagnostics(diagnostics) {
  const rank = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort((a, b) => a.line - b.line || a.col - b.col || rank[a.severity] - rank[b.severity]);
}

// engine/scenario/events.ts
var ADD_NODE_ROLE = {
  "single-leader": "follower",
  "multi-leader": "leader",
  leaderless: "replica"
};
function normalizeEvents(input, ctx) {
  const out = [];
  let prev;
  const items = input.events?.items ?? [];
  for (let index = 0; index < items.length; index++) {
    const m = asMap(items[index]);
    if (!m) continue;
    const atEntry = m.entries.get("at");
    const after = read(m, "after");
    let at;
    if (atEntry) {
      at = asScalar(atEntry.value)?.parsed;
      if (prev && at < prev.at) {
        const d = say(
          ctx,
          "error",
          "time-backwards",
          atEntry.value.range,
          `at ${formatMs(at)} is earlier than the previous item (line ${prev.line}, at ${formatMs(prev.at)}): items must be in time order`
        );
        d.related = [{ message: "the previous item", range: ctx.src.range(prev.range[0], prev.range[1]) }];
      }
    } else if (after !== void 0) {
      at = (prev?.at ?? 0) + after;
    }
    if (at === void 0) continue;
    prev = { at, line: lineOf(ctx, m), range: m.range };
    const item = itemOf(m, at, index, input, ctx);
    if (item) out.push(item);
  }
  return out.map((e, i) => [e, i]).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]).map(([e]) => e);
}
function itemOf(m, at, index, input, ctx) {
  const line = lineOf(ctx, m);
  const id = read(m, "id");
  const base = { at, line, index, ...id !== void 0 ? { id } : {} };
  const isClientOp = CLIENT_ACTIONS.some((a) => m.allKeys.has(a));
  if (isClientOp) {
    const action2 = clientActionOf(m);
    const client = clientOf(m, input, ctx);
    if (!action2 || client === void 0) return void 0;
    const item2 = { type: "client", ...base, client, action: action2 };
    return item2;
  }
  const clientKey = m.entries.get("client");
  if (clientKey) {
    say(
      ctx,
      "error",
      "client-on-fault",
      clientKey.keyRange,
      "`client` only applies to client operations (write, read, delete, increment, add, remove)"
    );
  }
  const action = faultActionOf(m, input, ctx);
  if (!action) return void 0;
  const item = { type: "fault", ...base, action };
  return item;
}
function clientOf(m, input, ctx) {
  const named = read(m, "client");
  if (named !== void 0) return named;
  if (m.allKeys.has("client")) return void 0;
  if (input.clients.length === 1) return input.clients[0].id;
  const actionKey = CLIENT_ACTIONS.find((a) => m.allKeys.has(a));
  const at = actionKey && m.allKeys.get(actionKey) || m.range;
  if (input.clients.length === 0) {
    const fix = input.addClientFix("client1");
    say(
      ctx,
      "error",
      "no-clients",
      at,
      "this operation needs a client, and no clients are declared: add a `clients:` section",
      fix ? { ...fix, title: "Add a client `client1`" } : void 0
    );
  } else {
    say(
      ctx,
      "error",
      "missing-client",
      at,
      `which client? \`client:\` is required when there are several clients (${input.clients.map((c) => c.id).join(", ")})`
    );
  }
  return void 0;
}
function clientActionOf(m) {
  const keyed = (name) => {
    const a = asMap(entry(m, name));
    return a ? { key: read(a, "key"), a } : void 0;
  };
  const dataOf = (a) => {
    const v = entry(a, "value");
    return v?.kind === "data" ? v.value : void 0;
  };
  const w = keyed("write");
  if (w) {
    const value = dataOf(w.a);
    return value === void 0 ? void 0 : { kind: "write", key: w.key, value };
  }
  const readKey = read(m, "read");
  if (readKey !== void 0) return { kind: "read", key: readKey };
  const del = read(m, "delete");
  if (del !== void 0) return { kind: "delete", key: del };
  const inc = keyed("increment");
  if (inc) return { kind: "increment", key: inc.key, by: read(inc.a, "by") };
  for (const kind of ["add", "remove"]) {
    const s = keyed(kind);
    if (!s) continue;
    const value = dataOf(s.a);
    return value === void 0 ? void 0 : { kind, key: s.key, value };
  }
  return void 0;
}
function faultActionOf(m, input, ctx) {
  const { cluster: cluster2 } = input;
  const crash = entry(m, "crash");
  if (crash) {
    if (crash.kind === "scalar") return { kind: "crash", node: crash.parsed, disk: "kept" };
    const c = asMap(crash);
    const node2 = read(c, "node");
    return node2 === void 0 ? void 0 : { kind: "crash", node: node2, disk: read(c, "disk") };
  }
  const node = (key) => read(m, key);
  const recover = node("recover");
  if (recover !== void 0) return { kind: "recover", node: recover };
  const partition = asSeq(entry(m, "partition"));
  if (partition) return partitionOf(partition, ctx);
  const cut = asScalar(entry(m, "cut"))?.parsed;
  if (cut) return { kind: "cut", from: cut.from, to: cut.to };
  const heal = entry(m, "heal");
  if (heal) {
    const links = [];
    const add2 = (l) => {
      links.push({ from: l.from, to: l.to });
      if (l.both) links.push({ from: l.to, to: l.from });
    };
    if (heal.kind === "scalar") {
      if (heal.parsed === "all") return { kind: "heal" };
      add2(heal.parsed);
    } else {
      for (const item of asSeq(heal)?.items ?? []) {
        const l = asScalar(item)?.parsed;
        if (l) add2(l);
      }
    }
    return { kind: "heal", links };
  }
  const skew = asMap(entry(m, "skew"));
  if (skew) {
    const n = read(skew, "node");
    if (n === void 0) return void 0;
    const action = { kind: "skew", node: n };
    const offset = read(skew, "offset");
    const drift = read(skew, "drift");
    if (offset !== void 0) action.offset = offset;
    if (drift !== void 0) action.drift = drift;
    return action;
  }
  const add = asMap(entry(m, "addNode"));
  if (add) {
    const id = read(add, "id");
    if (id === void 0) return void 0;
    const expected = ADD_NODE_ROLE[cluster2.replication];
    const as = read(add, "as") ?? expected;
    if (as !== expected && input.familyKnown) {
      say(
        ctx,
        "error",
        "wrong-family",
        add.entries.get("as")?.value.range ?? add.range,
        `a ${cluster2.replication} cluster adds nodes as ${expected}, not ${as}`
      );
    }
    return { kind: "addNode", id, as, engineVersion: read(add, "engineVersion") };
  }
  const failover = node("failover");
  if (failover !== void 0) return { kind: "failover", node: failover };
  const offline = node("offline");
  if (offline !== void 0) return { kind: "offline", client: offline };
  const online = node("online");
  if (online !== void 0) return { kind: "online", client: online };
  return void 0;
}
function partitionOf(seq, ctx) {
  const groups = [];
  const seen = /* @__PURE__ */ new Map();
  for (const g of seq.items) {
    const group = [];
    for (const item of asSeq(g)?.items ?? []) {
      const s = asScalar(item);
      if (!s) continue;
      const id = s.parsed;
      const prevGroup = seen.get(id);
      if (prevGroup !== void 0) {
        const msg = prevGroup === groups.length ? `\`${id}\` appears twice in this group` : `\`${id}\` is already in group ${prevGroup + 1}: an actor belongs to at most one group`;
        say(ctx, "error", "partition-overlap", s.range, msg);
        continue;
      }
      seen.set(id, groups.length);
      group.push(id);
    }
    groups.push(group);
  }
  return { kind: "partition", groups };
}
function checkTimeline(events2, eventsSeq, cluster2, untilMs, ctx) {
  const itemMap = (e) => asMap(eventsSeq?.items[e.index]);
  const actionRange = (e, key) => {
    const m = itemMap(e);
    return m?.entries.get(key)?.value.range ?? m?.range ?? [0, 0];
  };
  checkCrdtUse(events2, cluster2, actionRange, ctx);
  const added = /* @__PURE__ */ new Map();
  for (const e of events2) if (e.type === "fault" && e.action.kind === "addNode") added.set(e.action.id, e.at);
  const down = /* @__PURE__ */ new Set();
  const offline = /* @__PURE__ */ new Set();
  for (const e of events2) {
    if (typeof untilMs === "number" && e.at > untilMs) {
      const m = itemMap(e);
      const at = m?.entries.get("at")?.value.range ?? m?.range ?? [0, 0];
      say(
        ctx,
        "warning",
        "after-until",
        at,
        `this item at ${formatMs(e.at)} is after run.until (${formatMs(untilMs)}): it never runs`
      );
    }
    if (e.type !== "fault") continue;
    const a = e.action;
    const nodeRef = "node" in a ? a.node : void 0;
    if (nodeRef !== void 0) {
      const addedAt = added.get(nodeRef);
      if (addedAt !== void 0 && addedAt > e.at) {
        say(
          ctx,
          "error",
          "before-added",
          actionRange(e, a.kind),
          `\`${nodeRef}\` only joins at ${formatMs(addedAt)} (addNode); this item is at ${formatMs(e.at)}`
        );
      }
    }
    if (a.kind === "crash") {
      if (down.has(a.node) && a.disk === "kept") {
        say(ctx, "warning", "crash-crashed", actionRange(e, "crash"), `\`${a.node}\` is already down here`);
      }
      down.add(a.node);
    } else if (a.kind === "recover") {
      if (!down.has(a.node)) {
        say(
          ctx,
          "warning",
          "recover-running",
          actionRange(e, "recover"),
          `\`${a.node}\` is not down here: nothing to recover`
        );
      }
      down.delete(a.node);
    } else if (a.kind === "offline") {
      offline.add(a.client);
    } else if (a.kind === "online") {
      if (!offline.has(a.client)) {
        say(
          ctx,
          "warning",
          "online-not-offline",
          actionRange(e, "online"),
          `\`${a.client}\` is not offline here`
        );
      }
      offline.delete(a.client);
    }
  }
}
var CRDT_OF = {
  increment: "counter",
  add: "set",
  remove: "set"
};
function checkCrdtUse(events2, cluster2, actionRange, ctx) {
  const declared = cluster2.replication === "multi-leader" ? cluster2.types : void 0;
  const usedAs = /* @__PURE__ */ new Map();
  for (const e of events2) {
    if (e.type !== "client") continue;
    const { kind, key } = e.action;
    const type = CRDT_OF[kind];
    const at = actionRange(e, kind);
    if (declared) {
      const d = declared[key];
      if (type && d !== type) {
        const msg = d ? `\`${key}\` is declared a ${d}; ${kind} needs a ${type}` : `${kind} needs a CRDT key: declare it in cluster.types (\`${key}: ${type}\`)`;
        say(ctx, "error", d ? "crdt-type-conflict" : "crdt-untyped", at, msg);
        continue;
      }
      if (kind === "write" && (d === "counter" || d === "set")) {
        const how = d === "counter" ? "increment" : "add and remove";
        say(
          ctx,
          "error",
          "crdt-type-conflict",
          at,
          `\`${key}\` is declared a ${d}: change it with ${how}, not write`
        );
        continue;
      }
    }
    if (!type) continue;
    const prev = usedAs.get(key);
    if (prev && prev.type !== type) {
      say(
        ctx,
        "error",
        "crdt-type-conflict",
        at,
        `\`${key}\` is used as a ${prev.type} (${prev.op} on line ${prev.line}) and as a ${type} here: a key has one CRDT type`
      );
      continue;
    }
    if (!prev) usedAs.set(key, { type, line: e.line, op: kind });
  }
}

// engine/scenario/expect.ts
function valuesOf(c) {
  const seq = asSeq(c);
  if (!seq) return void 0;
  const out = [];
  for (const item of seq.items) {
    if (item?.kind !== "data") return void 0;
    out.push(item.value);
  }
  return out;
}
function normalizeExpect(seq, events2, ctx) {
  const out = [];
  const byId = new Map(events2.filter((e) => e.id !== void 0).map((e) => [e.id, e]));
  for (const item of seq?.items ?? []) {
    if (!item) continue;
    const line = lineOf(ctx, item);
    const text2 = sourceText(ctx, item.range);
    if (item.kind === "scalar") {
      out.push({ kind: "converged", line, text: text2 });
      continue;
    }
    const m = asMap(item);
    if (!m) continue;
    const op = read(m, "op");
    if (op !== void 0) {
      const e = { kind: "op", op, line, text: text2 };
      const returns = valuesOf(entry(m, "returns"));
      const fails = read(m, "fails");
      if (returns !== void 0) e.returns = returns;
      if (fails !== void 0) e.fails = fails;
      const target = byId.get(op);
      const opRange = m.entries.get("op")?.value.range ?? m.range;
      if (target && target.type !== "client") {
        say(
          ctx,
          "error",
          "not-an-op",
          opRange,
          `\`${op}\` is a ${target.action.kind} item, not a client operation`
        );
      } else if (target && returns !== void 0 && target.action.kind !== "read") {
        const at = m.entries.get("returns")?.keyRange ?? m.range;
        say(
          ctx,
          "error",
          "returns-not-read",
          at,
          `\`returns\` applies to reads; \`${op}\` is a ${target.action.kind}`
        );
      }
      if (returns !== void 0 && fails === true) {
        const at = m.entries.get("fails")?.keyRange ?? m.range;
        say(
          ctx,
          "error",
          "returns-and-fails",
          at,
          "an operation that fails returns nothing: use `returns` or `fails: true`"
        );
      }
      out.push(e);
      continue;
    }
    const anomaly = read(m, "anomaly");
    if (anomaly !== void 0) {
      const count = read(m, "count");
      out.push({ kind: "anomaly", anomaly, line, text: text2, ...count !== void 0 ? { count } : {} });
      continue;
    }
    const no = read(m, "no");
    if (no !== void 0) {
      out.push({ kind: "no", anomaly: no, line, text: text2 });
      continue;
    }
    const leader = read(m, "leader");
    if (leader !== void 0) {
      out.push({ kind: "leader", node: leader, line, text: text2 });
      continue;
    }
    const state = asMap(entry(m, "state"));
    const node = read(state, "node");
    const key = read(state, "key");
    const values = valuesOf(entry(state, "values"));
    if (node !== void 0 && key !== void 0 && values !== void 0) {
      out.push({ kind: "state", node, key, values, line, text: text2 });
    }
  }
  return out;
}

// engine/scenario/references.ts
var KIND_NAME = {
  node: "a node",
  client: "a client",
  op: "an op id",
  shard: "a shard"
};
function checkReferences(symbols, ctx, addClientFix) {
  const actors = /* @__PURE__ */ new Map();
  const ops = /* @__PURE__ */ new Map();
  const shards = /* @__PURE__ */ new Map();
  for (const s of symbols) {
    if (!s.declares) continue;
    const table = s.kind === "op" ? ops : s.kind === "shard" ? shards : actors;
    const prev = table.get(s.name);
    if (prev) {
      const prevLine = ctx.src.line(prev.start);
      const what = KIND_NAME[prev.kind] ?? `a ${prev.kind}`;
      const shared2 = s.kind === "node" || s.kind === "client" ? " (nodes and clients share one namespace)" : "";
      say(
        ctx,
        "error",
        s.kind === "op" ? "duplicate-op-id" : "duplicate-id",
        [s.start, s.end],
        `duplicate id \`${s.name}\`: already declared as ${what} on line ${prevLine}${shared2}`
      );
      continue;
    }
    table.set(s.name, s);
  }
  const namesOf = (kinds) => [...actors.values()].filter((d) => kinds.includes(d.kind)).map((d) => d.name);
  for (const s of symbols) {
    if (s.declares) continue;
    const at = [s.start, s.end];
    if (s.kind === "op") {
      if (!ops.has(s.name)) {
        const guess2 = closest(s.name, ops.keys());
        undeclared(ctx, "unknown-op", at, `no event has id \`${s.name}\``, guess2);
      }
      continue;
    }
    if (s.kind !== "node" && s.kind !== "client" && s.kind !== "actor") continue;
    const decl = actors.get(s.name);
    if (decl && (s.kind === "actor" || decl.kind === s.kind)) continue;
    if (decl) {
      say(ctx, "error", `not-a-${s.kind}`, at, `\`${s.name}\` is a ${decl.kind}, not a ${s.kind}`);
      continue;
    }
    const kinds = s.kind === "actor" ? ["node", "client"] : [s.kind];
    const modes = s.key === "reads" ? ["leader", "followers", "sticky"] : [];
    const guess = closest(s.name, [...namesOf(kinds), ...modes]);
    const what = s.kind === "actor" ? "node or client" : s.kind;
    if (s.kind === "client" && !guess) {
      const fix = addClientFix(s.name);
      say(
        ctx,
        "error",
        "undeclared-client",
        at,
        `undeclared client \`${s.name}\`: declare it under \`clients:\``,
        fix ? { ...fix, title: `Add client \`${s.name}\` to clients` } : void 0
      );
      continue;
    }
    undeclared(
      ctx,
      `undeclared-${s.kind === "actor" ? "actor" : s.kind}`,
      at,
      `undeclared ${what} \`${s.name}\``,
      guess
    );
  }
}
function undeclared(ctx, code, at, message, guess) {
  say(
    ctx,
    "error",
    code,
    at,
    guess ? `${message}; did you mean \`${guess}\`?` : message,
    guess ? { title: `Change to ${guess}`, replacement: guess, at } : void 0
  );
}

// engine/scenario/sections.ts
var DEFAULT_LATENCY = { kind: "fixed", ms: 1 };
function normalizeNetwork(m, ctx) {
  const byPair = /* @__PURE__ */ new Map();
  for (const [key, e] of asMap(entry(m, "links"))?.entries ?? []) {
    const settings = asMap(e.value);
    const l = parseLinkKey(key);
    if (!settings || !l) continue;
    const line = lineOf(ctx, e.keyRange);
    const latency = toDistribution(entry(settings, "latency"));
    const drop = read(settings, "drop");
    const duplicate = read(settings, "duplicate");
    const directions = l.both ? [[l.from, l.to], [l.to, l.from]] : [[l.from, l.to]];
    for (const [from, to] of directions) {
      const id = `${from}\0${to}`;
      const o = byPair.get(id) ?? { from, to, line };
      if (latency) o.latency = latency;
      if (drop !== void 0) o.drop = drop;
      if (duplicate !== void 0) o.duplicate = duplicate;
      byPair.set(id, o);
    }
  }
  return {
    latency: toDistribution(entry(m, "latency")) ?? DEFAULT_LATENCY,
    drop: read(m, "drop"),
    duplicate: read(m, "duplicate"),
    fifo: read(m, "fifo"),
    links: [...byPair.values()]
  };
}
function parseLinkKey(key) {
  const m = /^\s*(\S+?)\s*(<->|->)\s*(\S+)\s*$/.exec(key);
  return m ? { from: m[1], to: m[3], both: m[2] === "<->", fromAt: 0, toAt: 0 } : void 0;
}
function checkNetworkReachable(m, network2, actors, ctx) {
  if (actors.length < 2) return;
  const override = new Map(network2.links.map((l) => [`${l.from}\0${l.to}`, l]));
  for (const a of actors) {
    for (const b of actors) {
      if (a === b) continue;
      if ((override.get(`${a}\0${b}`)?.drop ?? network2.drop) < 1) return;
    }
  }
  const at = m?.entries.get("drop")?.value.range ?? m?.entries.get("links")?.keyRange ?? m?.range ?? [0, 0];
  say(
    ctx,
    "warning",
    "all-dropped",
    at,
    "every link drops every message (drop: 1): no message will ever arrive"
  );
}
function normalizeClocks(m) {
  const out = {};
  for (const [node, e] of m?.entries ?? []) {
    const c = asMap(e.value);
    if (c) out[node] = { offset: read(c, "offset"), drift: read(c, "drift") };
  }
  return out;
}
function normalizeStorage(m) {
  const out = { nodes: {} };
  for (const [key, e] of m?.entries ?? []) {
    const write = toDistribution(entry(asMap(e.value), "write"));
    if (!write) continue;
    if (key === "default") out.default = write;
    else out.nodes[key] = write;
  }
  return out;
}
var DEFAULT_STRATEGY = {
  "read-your-writes": "leader-for-own-keys",
  "monotonic-reads": "sticky",
  "consistent-prefix": "causal"
};
function normalizeClients(m, cluster2, ctx) {
  const out = [];
  const defaultNode = cluster2.replication === "single-leader" ? cluster2.leader : cluster2.nodes[0]?.id ?? "";
  for (const [id, e] of m?.entries ?? []) {
    const c = asMap(e.value);
    if (!c) continue;
    const spec = {
      id,
      node: read(c, "node") ?? defaultNode,
      guarantees: guaranteesOf(c, ctx),
      timeout: read(c, "timeout"),
      line: lineOf(ctx, e.keyRange)
    };
    const reads = read(c, "reads");
    if (reads !== void 0) spec.reads = reads;
    out.push(spec);
  }
  return out;
}
function guaranteesOf(c, ctx) {
  const out = [];
  for (const item of asSeq(entry(c, "guarantees"))?.items ?? []) {
    if (!item) continue;
    let g;
    const s = asScalar(item);
    if (s) {
      const kind = s.parsed;
      g = { kind, strategy: DEFAULT_STRATEGY[kind] };
    } else {
      const m = asMap(item);
      const [kind, e] = [...m?.entries ?? []][0] ?? [];
      if (!kind || !e) continue;
      const settings = asMap(e.value);
      const k = kind;
      g = { kind: k, strategy: read(settings, "strategy") ?? DEFAULT_STRATEGY[k] };
      const window2 = read(settings, "window");
      if (window2 !== void 0) {
        g.window = window2;
        if (g.strategy !== "leader-window") {
          const at = settings?.entries.get("window")?.keyRange ?? item.range;
          say(ctx, "warning", "unused-window", at, "`window` only applies to the leader-window strategy");
        }
      }
    }
    if (out.some((o) => o.kind === g.kind)) {
      say(
        ctx,
        "warning",
        "duplicate-guarantee",
        item.range,
        `\`${g.kind}\` is listed twice; the last one applies`
      );
      const i = out.findIndex((o) => o.kind === g.kind);
      out.splice(i, 1);
    }
    out.push(g);
  }
  return out;
}
function normalizeRun(m) {
  const until = read(m, "until");
  return { until: typeof until === "number" ? until : "quiet", maxEvents: read(m, "maxEvents") };
}

// engine/scenario/source.ts
var import_yaml2 = __toESM(require_dist());
var SourceText = class {
  constructor(text2) {
    this.text = text2;
    this.lineCounter.addNewLine(0);
    for (let i = text2.indexOf("\n"); i >= 0; i = text2.indexOf("\n", i + 1))
      this.lineCounter.addNewLine(i + 1);
  }
  text;
  lineCounter = new import_yaml2.LineCounter();
  clamp(offset) {
    if (!Number.isFinite(offset) || offset < 0) return 0;
    return Math.min(offset, this.text.length);
  }
  /** 1-based line of an offset. */
  line(offset) {
    return this.lineCounter.linePos(this.clamp(offset)).line;
  }
  range(start, end) {
    const s = this.clamp(start);
    const e = Math.max(s, this.clamp(end));
    const a = this.lineCounter.linePos(s);
    const b = this.lineCounter.linePos(e);
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }
  /** Offset of a 1-based line/column (clamped into the text). */
  offset(line, col) {
    const starts = this.lineCounter.lineStarts;
    const l = Math.min(Math.max(1, line), starts.length);
    return this.clamp(starts[l - 1] + col - 1);
  }
  /** Offset just past the end of a line's text (before its newline). */
  lineEnd(line) {
    const starts = this.lineCounter.lineStarts;
    if (line >= starts.length) return this.text.length;
    let end = starts[line] - 1;
    if (end > 0 && this.text[end - 1] === "\r") end--;
    return end;
  }
  get lineCount() {
    return this.lineCounter.lineStarts.length;
  }
};

// engine/scenario/parse.ts
function parseScenario(text2, file) {
  const { scenario, diagnostics } = analyzeScenario(text2, file);
  return scenario ? { scenario, diagnostics } : { diagnostics };
}
function analyzeScenario(text2, file) {
  const input = typeof text2 === "string" ? text2 : String(text2 ?? "");
  const source = new SourceText(input);
  try {
    return analyze(input, source, file);
  } catch (e) {
    const diagnostics = [];
    report(
      { src: source, file, diagnostics },
      "error",
      "internal",
      [0, 0],
      `internal error while reading the scenario: ${e instanceof Error ? e.message : String(e)}`
    );
    return { diagnostics, symbols: [], source };
  }
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
function replicationOf(doc) {
  const root3 = doc.contents;
  if (!(0, import_yaml3.isMap)(root3)) return void 0;
  const cluster2 = root3.get("cluster", true);
  if (!(0, import_yaml3.isMap)(cluster2)) return void 0;
  const r = cluster2.get("replication", true);
  const v = (0, import_yaml3.isScalar)(r) ? r.value : void 0;
  return REPLICATIONS.some(([name]) => name === v) ? v : void 0;
}
function analyze(text2, source, file) {
  const diagnostics = [];
  const doc = (0, import_yaml3.parseDocument)(text2, { prettyErrors: false, uniqueKeys: true, strict: true });
  const base = { src: source, file, diagnostics };
  for (const e of doc.errors) report(base, "error", "yaml-syntax", e.pos, firstLine(e.message));
  for (const w of doc.warnings) report(base, "warning", "yaml-warning", w.pos, firstLine(w.message));
  if (doc.contents === null || (0, import_yaml3.isScalar)(doc.contents) && doc.contents.value === null) {
    if (doc.errors.length === 0) {
      report(
        base,
        "error",
        "empty",
        [0, 0],
        "the file is empty: a scenario needs `scenario`, `cluster` and `events`"
      );
    }
    return { diagnostics: sortDiagnostics(diagnostics), symbols: [], document: doc, source };
  }
  const vctx = {
    src: source,
    doc,
    file,
    replication: replicationOf(doc),
    diagnostics,
    symbols: [],
    depth: 0,
    aliasBudget: 1e4
  };
  const root3 = asMap(check(doc.contents, SCENARIO_SCHEMA, { label: "", keyRange: [0, 0] }, vctx));
  const symbols = dedupe(vctx.symbols);
  if (!root3) return { diagnostics: sortDiagnostics(diagnostics), symbols, document: doc, source };
  const ctx = { src: source, file, diagnostics, symbols };
  const scenario = normalize(root3, source, ctx);
  const result = {
    diagnostics: sortDiagnostics(diagnostics),
    symbols,
    document: doc,
    source
  };
  if (!hasErrors(diagnostics)) result.scenario = scenario;
  return result;
}
function dedupe(symbols) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const s of symbols) {
    const id = `${s.start}:${s.end}:${s.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}
function normalize(root3, source, ctx) {
  const clusterMap = sub(root3, "cluster");
  const cluster2 = normalizeCluster(clusterMap, ctx);
  const clients2 = normalizeClients(sub(root3, "clients"), cluster2, ctx);
  const addClientFix = makeAddClientFix(root3, source, cluster2.nodes[0]?.id ?? "n1");
  const eventsSeq = asSeq(entry(root3, "events"));
  const familyKnown = entry(clusterMap, "replication") !== void 0;
  const events2 = normalizeEvents(
    { events: eventsSeq, cluster: cluster2, clients: clients2, root: root3, addClientFix, familyKnown },
    ctx
  );
  const networkMap = sub(root3, "network");
  const network2 = normalizeNetwork(networkMap, ctx);
  const run = normalizeRun(sub(root3, "run"));
  const scenario = {
    title: read(root3, "scenario") ?? "",
    seed: read(root3, "seed"),
    cluster: cluster2,
    network: network2,
    clocks: normalizeClocks(sub(root3, "clocks")),
    storage: normalizeStorage(sub(root3, "storage")),
    clients: clients2,
    events: events2,
    run,
    expect: normalizeExpect(asSeq(entry(root3, "expect")), events2, ctx)
  };
  const description = read(root3, "description");
  if (description !== void 0) scenario.description = description;
  if (ctx.file !== void 0) scenario.file = ctx.file;
  checkReferences(ctx.symbols, ctx, addClientFix);
  checkTimeline(events2, eventsSeq, cluster2, run.until, ctx);
  checkNetworkReachable(
    networkMap,
    network2,
    [...cluster2.nodes.map((n) => n.id), ...clients2.map((c) => c.id)],
    ctx
  );
  return scenario;
}
function makeAddClientFix(root3, src, node) {
  return (name) => {
    const decl = `${name}: { node: ${node} }`;
    const clientsKey = root3.allKeys.get("clients");
    const clientsMap = sub(root3, "clients")?.node;
    const text2 = src.text;
    if (clientsKey && clientsMap?.flow) {
      const last = clientsMap.items[clientsMap.items.length - 1];
      const lastNode = last?.value ?? last?.key;
      if (lastNode?.range)
        return { title: "", replacement: `, ${decl}`, at: [lastNode.range[1], lastNode.range[1]] };
      const close2 = (clientsMap.range?.[1] ?? 0) - 1;
      return text2[close2] === "}" ? { title: "", replacement: ` ${decl} `, at: [close2, close2] } : void 0;
    }
    if (clientsKey && clientsMap && clientsMap.items.length > 0) {
      const last = clientsMap.items[clientsMap.items.length - 1];
      const firstKey = clientsMap.items[0].key;
      const indent = firstKey?.range ? " ".repeat(src.range(firstKey.range[0], firstKey.range[0]).col - 1) : "  ";
      const lastNode = last.value ?? last.key;
      const end2 = lastNode?.range?.[1] ?? clientsMap.range?.[1] ?? text2.length;
      const lineEnd = src.lineEnd(src.line(end2 > 0 ? end2 - 1 : 0));
      return { title: "", replacement: `
${indent}${decl}`, at: [lineEnd, lineEnd] };
    }
    if (clientsKey) {
      const lineEnd = src.lineEnd(src.line(clientsKey[0]));
      return { title: "", replacement: `
  ${decl}`, at: [lineEnd, lineEnd] };
    }
    const eventsKey = root3.allKeys.get("events");
    if (eventsKey && src.range(eventsKey[0], eventsKey[0]).col === 1) {
      const at = eventsKey[0];
      return { title: "", replacement: `clients:
  ${decl}
`, at: [at, at] };
    }
    const end = text2.length;
    return {
      title: "",
      replacement: `${text2.endsWith("\n") || end === 0 ? "" : "\n"}clients:
  ${decl}
`,
      at: [end, end]
    };
  };
}

// scripts/bench/benchScenario.ts
function benchScenarioText(ops) {
  const lines = [
    `scenario: ${ops} operations on a five-node leaderless cluster`,
    "seed: 1",
    "cluster:",
    "  replication: leaderless",
    "  nodes: [n1, n2, n3, n4, n5]",
    "  n: 3",
    "  w: 2",
    "  r: 2",
    "  readRepair: false",
    "network:",
    "  latency: 1ms..10ms",
    "clients:",
    "  c1: { node: n1 }",
    "  c2: { node: n2 }",
    "  c3: { node: n3 }",
    "  c4: { node: n4 }",
    "run:",
    "  maxEvents: 2000000",
    "events:"
  ];
  for (let i = 0; i < ops; i++) {
    const client = `c${i % 4 + 1}`;
    const key = `k${i % 4}_${Math.floor(i / 4) % 25}`;
    const at = (i * 0.25).toFixed(2);
    lines.push(
      i % 3 === 2 ? `  - { at: ${at}ms, client: ${client}, read: ${key} }` : `  - { at: ${at}ms, client: ${client}, write: { key: ${key}, value: v${i} } }`
    );
  }
  return `${lines.join("\n")}
`;
}
function benchScenario(ops = 56e3) {
  const { scenario, diagnostics } = parseScenario(benchScenarioText(ops), "bench.scenario.yaml");
  if (!scenario)
    throw new Error(`the benchmark scenario is invalid: ${diagnostics.map((d) => d.message).join("; ")}`);
  return { scenario, family: leaderless, actors: 5 + 4 + 1 };
}

// traces/json-syntax.ts
var WS = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
function findJsonSyntaxError(text2) {
  let i = 0;
  const fail = (message, at = i) => {
    throw new LocatedError(message, at);
  };
  const ws = () => {
    while (i < text2.length && WS.has(text2[i])) i++;
  };
  const describe2 = () => i >= text2.length ? "end of input" : `'${text2[i]}'`;
  const literal = (word) => {
    if (text2.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe2()}, expected a value`);
  };
  const string = () => {
    i++;
    while (i < text2.length) {
      const c = text2[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const n = text2[i + 1];
        if (n === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text2.slice(i + 2, i + 6))) fail("bad \\u escape in a string");
          i += 6;
        } else if (n !== void 0 && '"\\/bfnrt'.includes(n)) i += 2;
        else fail(`bad escape '\\${n ?? ""}' in a string`);
        continue;
      }
      if (c < " ")
        fail(
          c === "\n" ? "unterminated string (a newline inside quotes)" : "control character inside a string"
        );
      i++;
    }
    fail("unterminated string");
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text2.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") fail(`unexpected ${describe2()}, expected a value`);
    i += m[0].length;
  };
  const value = (depth) => {
    if (depth > 1e4) fail("nesting too deep");
    ws();
    const c = text2[i];
    if (c === "{") {
      i++;
      ws();
      if (text2[i] === "}") {
        i++;
        return;
      }
      for (; ; ) {
        ws();
        if (text2[i] !== '"') fail(`unexpected ${describe2()}, expected a property name in double quotes`);
        string();
        ws();
        if (text2[i] !== ":") fail(`unexpected ${describe2()}, expected ':'`);
        i++;
        value(depth + 1);
        ws();
        if (text2[i] === ",") {
          i++;
          continue;
        }
        if (text2[i] === "}") {
          i++;
          return;
        }
        fail(`unexpected ${describe2()}, expected ',' or '}'`);
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text2[i] === "]") {
        i++;
        return;
      }
      for (; ; ) {
        value(depth + 1);
        ws();
        if (text2[i] === ",") {
          i++;
          continue;
        }
        if (text2[i] === "]") {
          i++;
          return;
        }
        fail(`unexpected ${describe2()}, expected ',' or ']'`);
      }
    }
    if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || c !== void 0 && c >= "0" && c <= "9") number();
    else fail(`unexpected ${describe2()}, expected a value`);
  };
  try {
    value(0);
    ws();
    if (i < text2.length) fail(`unexpected ${describe2()} after the end of the JSON value`);
    return void 0;
  } catch (e) {
    if (!(e instanceof LocatedError)) throw e;
    return { ...position(text2, e.at), message: e.message };
  }
}
var LocatedError = class extends Error {
  constructor(message, at) {
    super(message);
    this.at = at;
  }
  at;
};
function position(text2, at) {
  let line = 1;
  let start = 0;
  for (let k = text2.indexOf("\n"); k !== -1 && k < at; k = text2.indexOf("\n", k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: at - start + 1 };
}

// traces/io.ts
var TraceError = class extends Error {
  name = "TraceError";
  /** 1-based line of the file, when known. */
  line;
  column;
  /** Event id, when the problem is in one event. */
  event;
  constructor(message, where = {}) {
    super(message);
    if (where.line !== void 0) this.line = where.line;
    if (where.column !== void 0) this.column = where.column;
    if (where.event !== void 0) this.event = where.event;
  }
};
var CHUNK = 1 << 16;
var Batcher = class {
  constructor(sink) {
    this.sink = sink;
  }
  sink;
  parts = [];
  size = 0;
  add(s) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
};
function headerOf(trace) {
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario: trace.header.scenario,
    actors: trace.actors
  };
}
function countStats(trace) {
  let messages = 0;
  let dropped = 0;
  for (let e = 0; e < trace.length; e++) {
    const k = trace.kind(e);
    if (k === "send") messages++;
    else if (k === "drop") dropped++;
  }
  return {
    events: trace.length,
    messages,
    dropped,
    virtualTime: trace.length > 0 ? trace.time(trace.length - 1) : 0
  };
}
function writeTraceJson(trace, write) {
  const out = new Batcher(write);
  const h = headerOf(trace);
  out.add(`{"format":${JSON.stringify(h.format)},"version":${h.version},
`);
  out.add(`"scenario":${JSON.stringify(h.scenario)},
`);
  out.add(`"actors":${JSON.stringify(h.actors)},
"events":[`);
  for (let e = 0; e < trace.length; e++) {
    out.add(e === 0 ? "\n" : ",\n");
    out.add(JSON.stringify(trace.event(e)));
  }
  out.add(trace.length > 0 ? "\n],\n" : "],\n");
  out.add(`"anomalies":${JSON.stringify(trace.anomalies)},
`);
  out.add(`"expectations":${JSON.stringify(trace.expectations)},
`);
  out.add(`"final":${JSON.stringify(trace.final)},
`);
  out.add(`"stats":${JSON.stringify(trace.stats)}`);
  if (trace.sweep !== void 0) out.add(`,
"sweep":${JSON.stringify(trace.sweep)}`);
  out.add("}\n");
  out.flush();
}
function traceToJson(trace) {
  const parts = [];
  writeTraceJson(trace, (c) => parts.push(c));
  return parts.join("");
}
function isObj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isInt(v) {
  return typeof v === "number" && Number.isInteger(v);
}
function show2(v) {
  const s = JSON.stringify(v);
  if (s === void 0) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
var KIND_SET = new Set(EVENT_KINDS);
var ACTOR_KINDS = /* @__PURE__ */ new Set(["node", "client", "network"]);
var MESSAGE_KINDS = /* @__PURE__ */ new Set(["send", "deliver", "drop"]);
function readHeader(raw, where) {
  const at = where.line !== void 0 ? `line ${where.line}: ` : "";
  const err = (m) => new TraceError(`${at}${m}`, where);
  if (!isObj(raw)) throw err(`a trace must be a JSON object, found ${show2(raw)}`);
  if (raw.format === void 0) throw err(`missing field 'format' (expected "${TRACE_FORMAT}")`);
  if (raw.format !== TRACE_FORMAT) {
    throw err(`not a replication trace: format is ${show2(raw.format)} (expected "${TRACE_FORMAT}")`);
  }
  if (raw.version === void 0) throw err(`missing field 'version' (expected ${TRACE_VERSION})`);
  if (raw.version !== TRACE_VERSION) {
    throw err(
      `trace version ${show2(raw.version)} is not supported (this reader reads version ${TRACE_VERSION})`
    );
  }
  const sc = raw.scenario;
  if (sc === void 0) throw err(`missing field 'scenario'`);
  if (!isObj(sc)) throw err(`'scenario' must be an object, found ${show2(sc)}`);
  if (typeof sc.title !== "string") throw err(`'scenario.title' must be a string, found ${show2(sc.title)}`);
  if (typeof sc.seed !== "number") throw err(`'scenario.seed' must be a number, found ${show2(sc.seed)}`);
  if (sc.file !== void 0 && typeof sc.file !== "string") throw err(`'scenario.file' must be a string`);
  if (!Array.isArray(raw.actors)) throw err(`missing field 'actors' (a list of { id, kind })`);
  if (raw.actors.length > 65535) throw err(`too many actors (${raw.actors.length}; at most 65535)`);
  const seen = /* @__PURE__ */ new Set();
  const actors = raw.actors.map((a, i) => {
    if (!isObj(a) || typeof a.id !== "string" || a.id === "") {
      throw err(`actors[${i}] must be { id: string, kind }, found ${show2(a)}`);
    }
    if (typeof a.kind !== "string" || !ACTOR_KINDS.has(a.kind)) {
      throw err(`actor '${a.id}': kind must be node, client or network, found ${show2(a.kind)}`);
    }
    if (seen.has(a.id)) throw err(`actor '${a.id}' is declared twice`);
    seen.add(a.id);
    const actor = { id: a.id, kind: a.kind };
    if (a.line !== void 0) {
      if (!isInt(a.line) || a.line < 1) throw err(`actor '${a.id}': line must be a positive integer`);
      actor.line = a.line;
    }
    return actor;
  });
  return { format: TRACE_FORMAT, version: TRACE_VERSION, scenario: sc, actors };
}
var EventLoader = class {
  trace;
  actorNames;
  constructor(header, capacity) {
    this.trace = new TraceRecorder(header, Math.max(16, capacity));
    const ids = header.actors.map((a) => a.id);
    this.actorNames = ids.length > 12 ? `${ids.slice(0, 12).join(", ")}, ...` : ids.join(", ");
  }
  add(raw, where) {
    const trace = this.trace;
    const expected = trace.length;
    const at = where.line !== void 0 ? `line ${where.line}: ` : "";
    const id = isObj(raw) && isInt(raw.id) ? raw.id : expected;
    const loc = { ...where, event: id };
    const err = (m) => new TraceError(`${at}event ${id}: ${m}`, loc);
    if (!isObj(raw))
      throw new TraceError(`${at}events[${expected}] must be an object, found ${show2(raw)}`, where);
    if (raw.id === void 0) throw err(`missing field 'id'`);
    if (!isInt(raw.id)) throw err(`'id' must be an integer, found ${show2(raw.id)}`);
    if (raw.id !== expected) {
      throw err(`event ids out of order: expected id ${expected} here (ids are positions 0, 1, 2, ...)`);
    }
    const { time, actor, kind, vc, cause, line } = raw;
    if (time === void 0) throw err(`missing field 'time'`);
    if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
      throw err(`'time' must be a non-negative number of ms, found ${show2(time)}`);
    }
    if (actor === void 0) throw err(`missing field 'actor'`);
    if (typeof actor !== "string") throw err(`'actor' must be a string, found ${show2(actor)}`);
    const a = trace.actorIndex.get(actor);
    if (a === void 0) throw err(`unknown actor '${actor}' (declared actors: ${this.actorNames})`);
    if (kind === void 0) throw err(`missing field 'kind'`);
    if (typeof kind !== "string" || !KIND_SET.has(kind)) {
      throw err(`unknown kind ${show2(kind)} (one of ${EVENT_KINDS.join(", ")})`);
    }
    if (vc === void 0) throw err(`missing field 'vc' (the event's vector clock)`);
    if (!isObj(vc)) throw err(`'vc' must be an object actor -> counter, found ${show2(vc)}`);
    for (const [k, v] of Object.entries(vc)) {
      if (!trace.actorIndex.has(k)) throw err(`'vc' names unknown actor '${k}'`);
      if (!isInt(v) || v < 0 || v > 4294967295)
        throw err(`'vc.${k}' must be a non-negative integer, found ${show2(v)}`);
    }
    if (cause !== void 0) {
      if (!isInt(cause) || cause < 0) throw err(`'cause' must be an event id, found ${show2(cause)}`);
      if (cause >= expected) {
        throw err(`cause ${cause} points forward; a cause must be an earlier event`);
      }
    }
    if (line !== void 0 && (!isInt(line) || line < 1)) {
      throw err(`'line' must be a positive integer (a scenario line), found ${show2(line)}`);
    }
    const { id: _i, time: _t, actor: _a, kind: _k, vc: _v, cause: _c, line: _l, ...rest } = raw;
    this.checkDetail(kind, rest, err);
    const detail = Object.keys(rest).length > 0 ? rest : void 0;
    trace.append(
      time,
      a,
      kind,
      cause,
      line,
      detail,
      vc
    );
  }
  checkDetail(kind, d, err) {
    const actorField = (name) => {
      const v = d[name];
      if (v === void 0) return;
      if (typeof v !== "string") throw err(`'${name}' must be an actor id, found ${show2(v)}`);
      if (!this.trace.actorIndex.has(v)) throw err(`'${name}' names unknown actor '${v}'`);
    };
    actorField("from");
    actorField("to");
    if (d.msg !== void 0 && !isInt(d.msg))
      throw err(`'msg' must be an integer message id, found ${show2(d.msg)}`);
    if (MESSAGE_KINDS.has(kind)) {
      for (const f of ["msg", "from", "to"]) if (d[f] === void 0) throw err(`a ${kind} needs '${f}'`);
    }
    if (d.payload !== void 0 && (!isObj(d.payload) || typeof d.payload.type !== "string")) {
      throw err(`'payload' must be a message object with a string 'type'`);
    }
    if (kind === "state" && d.key === void 0 && d.field === void 0) {
      throw err(`a state event needs 'key' (a data key) or 'field' (a protocol field)`);
    }
    for (const f of ["before", "after"]) {
      const v = d[f];
      if (v === void 0) continue;
      if (!Array.isArray(v)) throw err(`'${f}' must be a list of siblings, found ${show2(v)}`);
      v.forEach((s, i) => {
        if (!isObj(s) || !("value" in s))
          throw err(`'${f}[${i}]' must be a sibling { value, ... }, found ${show2(s)}`);
      });
    }
    if (d.truncate !== void 0 && (!isInt(d.truncate) || d.truncate < 0)) {
      throw err(`'truncate' must be a length (non-negative integer), found ${show2(d.truncate)}`);
    }
    if (kind === "request" || kind === "response") {
      const op = d.op;
      if (op === void 0) throw err(`a ${kind} needs 'op'`);
      if (!isObj(op)) throw err(`'op' must be an object, found ${show2(op)}`);
      for (const f of ["key", "client", "kind", "dataKey"]) {
        if (typeof op[f] !== "string") throw err(`'op.${f}' must be a string, found ${show2(op[f])}`);
      }
    }
    if (kind === "response") {
      if (!isObj(d.result) || typeof d.result.ok !== "boolean") {
        throw err(`a response needs 'result' with a boolean 'ok', found ${show2(d.result)}`);
      }
    }
    if (d.detail !== void 0 && !isObj(d.detail))
      throw err(`'detail' must be an object, found ${show2(d.detail)}`);
  }
};
function checkAnomalies(raw, events2, at) {
  if (raw === void 0) return [];
  if (!Array.isArray(raw)) throw new TraceError(`${at}'anomalies' must be a list, found ${show2(raw)}`);
  raw.forEach((x, i) => {
    const err = (m) => new TraceError(`${at}anomalies[${i}]: ${m}`);
    if (!isObj(x)) throw err(`must be an object, found ${show2(x)}`);
    if (typeof x.kind !== "string") throw err(`'kind' must be a string`);
    if (typeof x.explain !== "string") throw err(`'explain' must be a string`);
    if (!isInt(x.event) || x.event < 0 || x.event >= Math.max(events2, 1)) {
      throw err(`'event' must be an event id of this trace (0..${events2 - 1}), found ${show2(x.event)}`);
    }
    if (!Array.isArray(x.related) || !x.related.every((r) => isInt(r) && r >= 0 && r < events2)) {
      throw err(`'related' must be a list of event ids of this trace, found ${show2(x.related)}`);
    }
  });
  return raw;
}
function checkList(raw, name, at) {
  if (raw === void 0) return [];
  if (!Array.isArray(raw)) throw new TraceError(`${at}'${name}' must be a list, found ${show2(raw)}`);
  return raw;
}
function checkObject2(raw, name, at, fallback) {
  if (raw === void 0) return fallback;
  if (!isObj(raw)) throw new TraceError(`${at}'${name}' must be an object, found ${show2(raw)}`);
  return raw;
}
function finishTrace(trace, rest, at) {
  trace.anomalies = checkAnomalies(rest.anomalies, trace.length, at);
  trace.expectations = checkList(rest.expectations, "expectations", at);
  trace.final = checkObject2(rest.final, "final", at, {});
  trace.stats = checkObject2(rest.stats, "stats", at, countStats(trace));
  if (rest.sweep !== void 0) trace.sweep = rest.sweep;
  return trace;
}
function traceFromFile(file) {
  const header = readHeader(file, {});
  const raw = file;
  if (raw.events === void 0) throw new TraceError(`missing field 'events'`);
  if (!Array.isArray(raw.events)) throw new TraceError(`'events' must be a list, found ${show2(raw.events)}`);
  const loader = new EventLoader(header, raw.events.length);
  for (const e of raw.events) loader.add(e, {});
  return finishTrace(loader.trace, raw, "");
}
function parseJson(text2, lineOffset) {
  try {
    return JSON.parse(text2);
  } catch {
    const s = findJsonSyntaxError(text2);
    const line = (s?.line ?? 1) + lineOffset;
    const column = s?.column ?? 1;
    throw new TraceError(`line ${line}, column ${column}: not valid JSON: ${s?.message ?? "cannot parse"}`, {
      line,
      column
    });
  }
}
function readTraceJson(text2) {
  if (text2.trim() === "") throw new TraceError("the trace file is empty");
  return traceFromFile(parseJson(text2, 0));
}
var NdjsonTraceReader = class {
  constructor(capacity = 1024) {
    this.capacity = capacity;
  }
  capacity;
  pending = "";
  lineNo = 0;
  loader;
  footer;
  footerLine = 0;
  push(chunk) {
    const text2 = this.pending + chunk;
    let start = 0;
    for (let nl = text2.indexOf("\n", start); nl !== -1; nl = text2.indexOf("\n", start)) {
      this.line(text2.slice(start, nl));
      start = nl + 1;
    }
    this.pending = text2.slice(start);
  }
  finish() {
    if (this.pending !== "") {
      this.line(this.pending);
      this.pending = "";
    }
    if (!this.loader) throw new TraceError("the trace file is empty");
    return finishTrace(this.loader.trace, this.footer ?? {}, this.footer ? `line ${this.footerLine}: ` : "");
  }
  line(raw) {
    this.lineNo++;
    const text2 = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text2.trim() === "") return;
    const n = this.lineNo;
    if (this.footer)
      throw new TraceError(`line ${n}: nothing may follow the footer line (line ${this.footerLine})`, {
        line: n
      });
    const value = parseJson(text2, n - 1);
    if (!this.loader) {
      if (isObj(value) && "events" in value) {
        throw new TraceError(`line ${n}: this is a JSON trace (it has 'events'), not NDJSON`, { line: n });
      }
      this.loader = new EventLoader(readHeader(value, { line: n }), this.capacity);
      return;
    }
    if (isObj(value) && "footer" in value) {
      if (!isObj(value.footer)) throw new TraceError(`line ${n}: 'footer' must be an object`, { line: n });
      this.footer = value.footer;
      this.footerLine = n;
      return;
    }
    this.loader.add(value, { line: n });
  }
};
function readTraceNdjson(text2) {
  const reader = new NdjsonTraceReader(Math.max(1024, text2.length >> 7));
  reader.push(text2);
  return reader.finish();
}
function looksLikeNdjson(text2) {
  const nl = text2.indexOf("\n");
  const first = (nl === -1 ? text2 : text2.slice(0, nl)).trim();
  if (!first.startsWith("{") || !first.endsWith("}")) return false;
  try {
    const v = JSON.parse(first);
    return isObj(v) && v.format !== void 0 && !("events" in v);
  } catch {
    return false;
  }
}
function readTrace(text2) {
  return looksLikeNdjson(text2) ? readTraceNdjson(text2) : readTraceJson(text2);
}

// traces/transfer.ts
var TRANSFER_FORMAT = "replication-trace-transfer";
var TRANSFER_VERSION = 1;
var COLUMNS = [
  ["times", [Float64Array], "events"],
  ["actorCol", [Uint16Array], "events"],
  ["kindCol", [Uint8Array], "events"],
  ["causeCol", [Int32Array], "events"],
  ["lineCol", [Uint16Array, Int32Array], "events"],
  ["seqCol", [Uint32Array], "events"],
  ["rowCol", [Int32Array], "events"],
  ["refCol", [Int32Array], "events"],
  ["rows", [Uint32Array], "rows"],
  ["lightBase", [Int32Array], "lights"],
  ["lightActor", [Uint16Array], "lights"],
  ["lightValue", [Uint32Array], "lights"],
  ["msgFrom", [Uint16Array], "messages"],
  ["msgTo", [Uint16Array], "messages"],
  ["msgType", [Uint16Array], "messages"]
];
function toTransfer(trace) {
  const c = trace.columns();
  const meta = {
    header: trace.header,
    anomalies: trace.anomalies,
    expectations: trace.expectations,
    final: trace.final,
    stats: trace.stats,
    typeNames: c.typeNames,
    msgPayload: c.msgPayload,
    detailList: c.detailList,
    requestOps: c.requestOps,
    responseOps: c.responseOps,
    responseResults: c.responseResults,
    dataKeys: c.dataKeys,
    dataBefore: c.dataBefore,
    dataAfter: c.dataAfter,
    messageExtras: c.messageExtras
  };
  if (trace.sweep !== void 0) meta.sweep = trace.sweep;
  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    times: c.times.slice(),
    actorCol: c.actorCol.slice(),
    kindCol: c.kindCol.slice(),
    causeCol: c.causeCol.slice(),
    lineCol: c.lineCol.slice(),
    seqCol: c.seqCol.slice(),
    rowCol: c.rowCol.slice(),
    refCol: c.refCol.slice(),
    rows: c.rows.slice(),
    lightBase: c.lightBase.slice(),
    lightActor: c.lightActor.slice(),
    lightValue: c.lightValue.slice(),
    msgFrom: c.msgFrom.slice(),
    msgTo: c.msgTo.slice(),
    msgType: c.msgType.slice(),
    meta: new TextEncoder().encode(JSON.stringify(meta))
  };
}
var TRANSFER_DETAILS_FORMAT = "replication-trace-transfer-details";
var OUTLINE_CONFLICT = 1;
var OUTLINE_RESOLVED = 2;
var OUTLINE_SIBLINGS_READ = 3;
var OUTLINE_FAILED = 4;
var OUTLINE_COUNT_SHIFT = 3;
var OUTLINE_COUNT_MAX = 8191;
function liveSiblings(s) {
  if (!Array.isArray(s)) return 0;
  let n = 0;
  for (const x of s) if (!x?.tombstone) n++;
  return n;
}
function outlineOf(kind, d) {
  if (d === void 0) return 0;
  if (kind === "state" && d.key !== void 0) {
    const before = liveSiblings(d.before);
    const after = liveSiblings(d.after);
    const count = Math.min(OUTLINE_COUNT_MAX, Array.isArray(d.after) ? d.after.length : 0);
    if (after > 1 && after > before) return OUTLINE_CONFLICT | count << OUTLINE_COUNT_SHIFT;
    if (before > 1 && after <= 1) return OUTLINE_RESOLVED;
    return 0;
  }
  if (kind === "response" && d.result) {
    const r = d.result;
    let out = r.ok === false ? OUTLINE_FAILED : 0;
    const values = Array.isArray(r.values) ? r.values.length : 0;
    if (values > 1)
      out |= OUTLINE_SIBLINGS_READ | Math.min(OUTLINE_COUNT_MAX, values) << OUTLINE_COUNT_SHIFT;
    return out;
  }
  return 0;
}
var NO_INDEX = 65535;
var LIGHT_KINDS = /* @__PURE__ */ new Set([
  "send",
  "deliver",
  "drop",
  "timer",
  "request",
  "response",
  "state",
  "note",
  "persisted"
]);
var partsMade = 0;
function toTransferParts(trace) {
  const c = trace.columns();
  const n = c.times.length;
  const generic = c.detailList.length;
  const outline = new Uint16Array(n);
  const genericMsg = new Int32Array(generic).fill(-1);
  const genericType = new Uint16Array(generic).fill(NO_INDEX);
  const genericTimer = new Uint16Array(generic).fill(NO_INDEX);
  const genericFrom = new Uint16Array(generic).fill(NO_INDEX);
  const genericTo = new Uint16Array(generic).fill(NO_INDEX);
  const names = [];
  const nameIndex = /* @__PURE__ */ new Map();
  const fullRows = [];
  const name = (s) => {
    if (typeof s !== "string") return -1;
    let i = nameIndex.get(s);
    if (i === void 0) {
      if (names.length >= NO_INDEX) return -1;
      i = names.length;
      names.push(s);
      nameIndex.set(s, i);
    }
    return i;
  };
  const actor = (s) => {
    if (typeof s !== "string") return -1;
    return trace.actorIndex.get(s) ?? -1;
  };
  const { refCol, kindCol } = c;
  for (let e = 0; e < n; e++) {
    const ref2 = refCol[e];
    if (ref2 >= -1) continue;
    const r = -2 - ref2;
    const row = r >>> 2;
    const kind = EVENT_KINDS[kindCol[e]];
    switch (r & 3) {
      case 0: {
        const d = c.detailList[row];
        if (d === void 0) break;
        outline[e] = outlineOf(kind, d);
        if (!LIGHT_KINDS.has(kind)) {
          fullRows.push([row, d]);
          break;
        }
        const msg = d.msg;
        const type = d.type === void 0 ? 0 : name(d.type);
        const timer = d.timer === void 0 ? 0 : name(d.timer);
        const from = d.from === void 0 ? 0 : actor(d.from);
        const to = d.to === void 0 ? 0 : actor(d.to);
        if (msg !== void 0 && !(Number.isInteger(msg) && msg >= 0 && msg <= 2147483647) || type < 0 || timer < 0 || from < 0 || to < 0) {
          fullRows.push([row, d]);
          break;
        }
        if (msg !== void 0) genericMsg[row] = msg;
        if (d.type !== void 0) genericType[row] = type;
        if (d.timer !== void 0) genericTimer[row] = timer;
        if (d.from !== void 0) genericFrom[row] = from;
        if (d.to !== void 0) genericTo[row] = to;
        break;
      }
      case 2:
        outline[e] = outlineOf(kind, { result: c.responseResults[row] });
        break;
      case 3:
        outline[e] = outlineOf(kind, {
          key: c.dataKeys[row],
          before: c.dataBefore[row],
          after: c.dataAfter[row]
        });
        break;
      default:
        break;
    }
  }
  const detailsId = `${Date.now().toString(36)}.${(++partsMade).toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  const tables = {
    detailList: generic,
    requestOps: c.requestOps.length,
    responseOps: c.responseOps.length,
    dataKeys: c.dataKeys.length
  };
  const meta = {
    header: trace.header,
    anomalies: trace.anomalies,
    expectations: trace.expectations,
    final: trace.final,
    stats: trace.stats,
    typeNames: c.typeNames,
    tables,
    names,
    fullRows
  };
  if (trace.sweep !== void 0) meta.sweep = trace.sweep;
  const head = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    part: "head",
    detailsId,
    ...copyColumns(c),
    outline,
    genericMsg,
    genericType,
    genericTimer,
    genericFrom,
    genericTo,
    meta: new TextEncoder().encode(JSON.stringify(meta))
  };
  const messages = c.msgFrom.length;
  const details = () => {
    const body = {
      msgPayload: c.msgPayload.slice(0, messages),
      detailList: c.detailList.slice(0, tables.detailList),
      requestOps: c.requestOps.slice(0, tables.requestOps),
      responseOps: c.responseOps.slice(0, tables.responseOps),
      responseResults: c.responseResults.slice(0, tables.responseOps),
      dataKeys: c.dataKeys.slice(0, tables.dataKeys),
      dataBefore: c.dataBefore.slice(0, tables.dataKeys),
      dataAfter: c.dataAfter.slice(0, tables.dataKeys),
      messageExtras: c.messageExtras.filter(([e]) => e < n)
    };
    return {
      format: TRANSFER_DETAILS_FORMAT,
      version: TRANSFER_VERSION,
      detailsId,
      meta: new TextEncoder().encode(JSON.stringify(body))
    };
  };
  return { head, details };
}
function copyColumns(c) {
  const out = {};
  for (const [name] of COLUMNS) out[name] = c[name].slice();
  return out;
}

// webview/testing/harness.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");

// e2e/chromium.ts
var import_playwright_core = require("playwright-core");
var CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
var CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];
function launchChromium(extra = {}) {
  return import_playwright_core.chromium.launch({
    headless: true,
    ...extra,
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extra.args ?? []]
  });
}

// extension/timeline/html.ts
var escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
function timelineHtml(a) {
  const csp = [
    "default-src 'none'",
    `img-src ${a.cspSource} data: blob:`,
    `style-src ${a.cspSource} 'nonce-${a.nonce}'`,
    `font-src ${a.cspSource}`,
    `script-src 'nonce-${a.nonce}'`
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(a.codicons)}" id="vscode-codicon-stylesheet" nonce="${a.nonce}">
<link rel="stylesheet" href="${escapeHtml(a.style)}" nonce="${a.nonce}">
<title>${escapeHtml(a.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${a.nonce}" src="${escapeHtml(a.script)}"></script>
</body>
</html>`;
}

// webview/testing/harness.ts
var ORIGIN = "http://timeline.test";
var root2 = process.cwd();
var dist = (0, import_node_path.join)(root2, "dist", "webview");
var THEMES = {
  dark: `--vscode-editor-background:#1e1e1e;--vscode-editor-foreground:#d4d4d4;--vscode-foreground:#cccccc;--vscode-descriptionForeground:#9d9d9d;--vscode-editorWidget-background:#252526;--vscode-panel-border:#80808059;--vscode-focusBorder:#007fd4;--vscode-charts-blue:#3794ff;--vscode-charts-red:#f14c4c;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#cca700;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-button-background:#0e639c;--vscode-button-foreground:#ffffff;--vscode-input-background:#3c3c3c;--vscode-input-foreground:#cccccc;--vscode-textLink-foreground:#3794ff;--vscode-icon-foreground:#c5c5c5;--vscode-settings-textInputBackground:#313131;--vscode-settings-textInputForeground:#cccccc;--vscode-settings-textInputBorder:#3c3c3c;--vscode-badge-background:#616161;--vscode-badge-foreground:#f8f8f8;--vscode-panelTitle-activeBorder:#0078d4;--vscode-panelTitle-activeForeground:#e7e7e7;--vscode-panelTitle-inactiveForeground:#9d9d9d;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;--vscode-editorError-foreground:#f14c4c;--vscode-editorIndentGuide-background1:#404040;--vscode-editor-findMatchBorder:#ffcc00;`,
  light: `--vscode-editor-background:#ffffff;--vscode-editor-foreground:#000000;--vscode-foreground:#616161;--vscode-descriptionForeground:#717171;--vscode-editorWidget-background:#f3f3f3;--vscode-panel-border:#80808059;--vscode-focusBorder:#0090f1;--vscode-charts-blue:#1a85ff;--vscode-charts-red:#e51400;--vscode-charts-orange:#d18616;--vscode-charts-green:#388a34;--vscode-charts-purple:#652d90;--vscode-charts-yellow:#bf8803;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-button-background:#007acc;--vscode-button-foreground:#ffffff;--vscode-input-background:#ffffff;--vscode-input-foreground:#616161;--vscode-textLink-foreground:#006ab1;--vscode-icon-foreground:#424242;--vscode-settings-textInputBackground:#ffffff;--vscode-settings-textInputForeground:#3b3b3b;--vscode-settings-textInputBorder:#cecece;--vscode-badge-background:#cccccc;--vscode-badge-foreground:#3b3b3b;--vscode-panelTitle-activeBorder:#005fb8;--vscode-panelTitle-activeForeground:#3b3b3b;--vscode-panelTitle-inactiveForeground:#717171;--vscode-button-secondaryBackground:#e5e5e5;--vscode-button-secondaryForeground:#3b3b3b;--vscode-editorError-foreground:#e51400;--vscode-editorIndentGuide-background1:#d3d3d3;--vscode-editor-findMatchBorder:#b58900;`,
  "high-contrast": `--vscode-editor-background:#000000;--vscode-editor-foreground:#ffffff;--vscode-foreground:#ffffff;--vscode-descriptionForeground:#ffffff;--vscode-editorWidget-background:#0c141f;--vscode-panel-border:#6fc3df;--vscode-focusBorder:#f38518;--vscode-charts-blue:#3794ff;--vscode-charts-red:#f14c4c;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#ffff00;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-contrastBorder:#6fc3df;--vscode-textLink-foreground:#21a6ff;--vscode-icon-foreground:#ffffff;--vscode-settings-textInputBackground:#000000;--vscode-settings-textInputForeground:#ffffff;--vscode-settings-textInputBorder:#6fc3df;--vscode-badge-background:#000000;--vscode-badge-foreground:#ffffff;--vscode-panelTitle-activeBorder:#6fc3df;--vscode-panelTitle-activeForeground:#ffffff;--vscode-panelTitle-inactiveForeground:#ffffff;--vscode-button-background:#000000;--vscode-button-foreground:#ffffff;--vscode-button-border:#6fc3df;--vscode-button-secondaryBackground:#000000;--vscode-button-secondaryForeground:#ffffff;--vscode-editorError-foreground:#f48771;--vscode-editorIndentGuide-background1:#ffffff;--vscode-editor-findMatchBorder:#f38518;`
};
function pageHtml(theme, savedState) {
  const nonce = "testnonce0123456789abcdefABCDEF";
  const html = timelineHtml({
    cspSource: ORIGIN,
    script: `${ORIGIN}/timeline.js`,
    style: `${ORIGIN}/timeline.css`,
    codicons: `${ORIGIN}/codicon.css`,
    nonce,
    title: "Timeline test"
  });
  const stub = `<script nonce="${nonce}">
window.__posted = [];
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});
window.__state = ${JSON.stringify(savedState ?? null)};
window.acquireVsCodeApi = () => ({
  postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
  getState: () => window.__state,
  setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
});
</script>`;
  const bodyClass = theme === "high-contrast" ? "vscode-high-contrast" : `vscode-${theme}`;
  return html.replace('<html lang="en">', `<html lang="en" style="${THEMES[theme]}">`).replace("<body>", `<body class="${bodyClass}">`).replace("</head>", `${stub}
</head>`);
}
async function openTimeline(opts = {}) {
  const browser = opts.browser ?? await launchChromium();
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 } });
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  const html = pageHtml(opts.theme ?? "dark", opts.savedState);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/" || path === "/index.html")
      return route.fulfill({ status: 200, contentType: "text/html", body: html });
    const file = path.slice(1);
    if (!/^[\w.-]+$/.test(file)) return route.fulfill({ status: 404, body: "" });
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "font/ttf";
    try {
      return route.fulfill({ status: 200, contentType: type, body: (0, import_node_fs.readFileSync)((0, import_node_path.join)(dist, file)) });
    } catch {
      return route.fulfill({ status: 404, body: "" });
    }
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(
    () => window.__posted.some((m) => m.type === "ready")
  );
  const harness = {
    browser,
    page,
    problems,
    posted: () => page.evaluate(() => window.__posted),
    cspViolations: () => page.evaluate(() => window.__csp),
    send: async (message) => {
      await page.evaluate((m) => {
        window.postMessage(m, "*");
      }, message);
      await nextFrame(page);
    },
    close: async () => {
      await page.close();
      if (!opts.browser) await browser.close();
    }
  };
  return harness;
}
async function nextFrame(page) {
  await page.evaluate(
    () => new Promise((resolve) => {
      setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0);
    })
  );
}

// webview/testing/syntheticTrace.ts
var Queue = class {
  heap = [];
  seq = 0;
  get size() {
    return this.heap.length;
  }
  push(at, run) {
    const h = this.heap;
    h.push({ at, seq: this.seq++, run });
    let i = h.length - 1;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop() {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
};
var less = (a, b) => a.at < b.at || a.at === b.at && a.seq < b.seq;
var dominates = (a, b) => Object.entries(b).every(([k, v]) => (a[k] ?? 0) >= v);
function syntheticTrace(opts = {}) {
  const nodes = Array.from({ length: opts.nodes ?? 3 }, (_, i) => `n${i + 1}`);
  const clients2 = Array.from({ length: opts.clients ?? 2 }, (_, i) => `c${i + 1}`);
  const target = opts.events ?? 400;
  const faults = opts.faults ?? true;
  const header = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario: { title: opts.title ?? "Synthetic leaderless run", file: "synthetic.scenario.yaml", seed: 1 },
    actors: [
      ...nodes.map((id) => ({ id, kind: "node" })),
      ...clients2.map((id) => ({ id, kind: "client" })),
      { id: NETWORK_ACTOR, kind: "network" }
    ]
  };
  const t = new TraceRecorder(header, target + 64);
  const idx = (a) => t.actorIndex.get(a);
  const net = idx(NETWORK_ACTOR);
  const q = new Queue();
  const down = /* @__PURE__ */ new Set();
  let groups = null;
  const anomalies = [];
  const data = new Map(nodes.map((n) => [n, /* @__PURE__ */ new Map()]));
  const counters = /* @__PURE__ */ new Map();
  const lastWrite = /* @__PURE__ */ new Map();
  const lastWriteEvent = /* @__PURE__ */ new Map();
  const contexts = /* @__PURE__ */ new Map();
  let msgId = 1;
  let opSeq = 0;
  let now = 0;
  let ended = false;
  const full = () => t.length >= target;
  const rec = (...args) => {
    if (full()) {
      ended = true;
      return -1;
    }
    return t.append(...args);
  };
  const cutBetween = (a, b) => {
    if (!groups) return false;
    const ga = groups.findIndex((g) => g.includes(a));
    const gb = groups.findIndex((g) => g.includes(b));
    return ga >= 0 && gb >= 0 && ga !== gb;
  };
  const handlers = {};
  const send2 = (from, to, payload, cause, latency) => {
    const msg = msgId++;
    const detail = { msg, from, to, type: payload.type, payload };
    const s = rec(now, idx(from), "send", cause, void 0, detail);
    if (s < 0) return;
    q.push(now + latency, () => {
      if (down.has(to) || cutBetween(from, to)) {
        rec(now, net, "drop", s, void 0, { ...detail, reason: down.has(to) ? "crashed" : "partition" });
        return;
      }
      const d = rec(now, idx(to), "deliver", s, void 0, detail);
      if (d >= 0) handlers[payload.type]?.(to, from, payload, d);
    });
  };
  const setData = (node, key, after, cause) => {
    const before = data.get(node).get(key) ?? [];
    data.get(node).set(key, after);
    return rec(now, idx(node), "state", cause, void 0, { key, before, after });
  };
  handlers.Write = (coord, client, m, d) => {
    const key = m.key;
    const c = (counters.get(coord) ?? 0) + 1;
    counters.set(coord, c);
    const vv = { ...m.context ?? {}, [coord]: c };
    const sib = { value: m.value, op: m.op, vv, origin: coord };
    const mine = (data.get(coord).get(key) ?? []).filter((s) => !dominates(vv, s.vv ?? {}));
    const st = setData(coord, key, [...mine, sib], d);
    if (st < 0) return;
    nodes.forEach((n, i) => {
      if (n !== coord) send2(coord, n, { type: "Replicate", key, sibling: sib }, st, 1 + i % 3 * 0.7);
    });
    send2(coord, client, { type: "WriteAck", key, op: m.op, vv }, st, 1);
  };
  handlers.Replicate = (node, _from, m, d) => {
    const key = m.key;
    const incoming = m.sibling;
    const mine = data.get(node).get(key) ?? [];
    if (mine.some((s) => dominates(s.vv ?? {}, incoming.vv ?? {}))) return;
    setData(node, key, [...mine.filter((s) => !dominates(incoming.vv ?? {}, s.vv ?? {})), incoming], d);
  };
  handlers.Read = (coord, client, m, d) => {
    const key = m.key;
    const values = (data.get(coord).get(key) ?? []).filter((s) => !s.tombstone);
    send2(coord, client, { type: "ReadReply", key, op: m.op, values }, d, 1);
  };
  handlers.ReadReply = (client, from, m, d) => {
    const key = m.key;
    const values = m.values;
    const op = { key: m.op, client, kind: "read", dataKey: key };
    const resp = rec(now, idx(client), "response", d, void 0, {
      op,
      result: { ok: true, values, servedBy: from }
    });
    const latest = lastWrite.get(key);
    if (resp >= 0 && latest && !values.some((v) => v.op === latest || v.ops?.includes(latest))) {
      anomalies.push({
        kind: "stale-read",
        event: resp,
        explain: `${client} read ${key} from ${from} and did not see write ${latest}, which had already been acknowledged.`,
        related: [lastWriteEvent.get(key), d],
        key
      });
    }
  };
  handlers.WriteAck = (client, from, m, d) => {
    const key = m.key;
    lastWrite.set(key, m.op);
    contexts.set(key, m.vv);
    const resp = rec(now, idx(client), "response", d, void 0, {
      op: { key: m.op, client, kind: "write", dataKey: key },
      result: { ok: true, servedBy: from, context: m.vv }
    });
    if (resp >= 0) lastWriteEvent.set(key, resp);
  };
  handlers.Heartbeat = () => {
  };
  const heartbeat = () => {
    if (!down.has("n1")) {
      const timer = rec(now, idx("n1"), "timer", void 0, void 0, { timer: "heartbeat" });
      for (const n of nodes.slice(1)) send2("n1", n, { type: "Heartbeat", term: 1 }, timer, 0.4);
    }
    q.push(now + 5, heartbeat);
  };
  q.push(0, heartbeat);
  let round = 0;
  const clientRound = () => {
    const r = round % 40;
    const concurrent = faults && r === 20 && clients2.length >= 2 && nodes.length >= 2;
    const writers = concurrent ? [0, 1] : [round % clients2.length];
    const keys = ["cart", "x"];
    const isRead = !concurrent && round % 3 === 2;
    const key = concurrent ? "cart" : isRead ? keys[Math.floor(round / 3) % 2] : keys[round % 3];
    writers.forEach((ci, w) => {
      const client = clients2[ci];
      const lagging = faults && r >= 9 && r <= 16;
      const coord = isRead && lagging ? nodes[nodes.length - 1] : nodes[(round + w + (isRead ? 2 : 0)) % nodes.length];
      const opKey = `${client}#${++opSeq}`;
      const value = `${key}-${round}${concurrent ? `-${client}` : ""}`;
      const op = isRead ? { key: opKey, client, kind: "read", dataKey: key } : { key: opKey, client, kind: "write", dataKey: key, value };
      const req = rec(now, idx(client), "request", void 0, 20 + round % 7, { op });
      if (req < 0) return;
      const context = concurrent ? void 0 : contexts.get(key);
      send2(
        client,
        coord,
        isRead ? { type: "Read", key, op: opKey } : { type: "Write", key, value, op: opKey, context },
        req,
        1
      );
    });
    if (faults) {
      if (r === 3 && nodes.includes("n2"))
        rec(now, idx("n2"), "skew", void 0, 12, {
          text: "n2's clock: offset 50ms, drift 0",
          detail: { offset: 50, drift: 0 }
        });
      if (r === 5 && nodes.length >= 3) {
        rec(now + 0, idx(nodes[2]), "crash", void 0, 14, {
          text: `${nodes[2]} crashes`,
          detail: { disk: "kept" }
        });
        down.add(nodes[2]);
      }
      if (r === 9 && down.has(nodes[2])) {
        rec(now, idx(nodes[2]), "recover", void 0, 15, { text: `${nodes[2]} recovers` });
        down.delete(nodes[2]);
      }
      if (r === 12 && nodes.length >= 3) {
        groups = [[nodes[0], nodes[1]], nodes.slice(2)];
        rec(now, net, "partition", void 0, 16, {
          text: `partition [${groups[0].join(", ")}] | [${groups[1].join(", ")}]`,
          detail: { groups }
        });
      }
      if (r === 15 && groups) {
        groups = null;
        rec(now, net, "heal", void 0, 17, { text: "heal all", detail: { cut: [] } });
      }
      if (r === 26) {
        for (const n of nodes) {
          const s = data.get(n).get("cart") ?? [];
          if (s.length < 2 || down.has(n)) continue;
          const vv = {};
          for (const x of s) for (const [k, v] of Object.entries(x.vv ?? {})) vv[k] = Math.max(vv[k] ?? 0, v);
          const note = rec(now, idx(n), "note", void 0, void 0, {
            text: `read repair merges ${s.length} siblings of cart`
          });
          if (note < 0) break;
          setData(
            n,
            "cart",
            [{ value: s.map((x) => String(x.value)).join("+"), vv, ops: s.map((x) => x.op ?? "") }],
            note
          );
        }
      }
    }
    round++;
    q.push(now + 10, clientRound);
  };
  q.push(2, clientRound);
  while (!ended && !full() && q.size) {
    const job = q.pop();
    now = job.at;
    job.run();
  }
  for (let e = 0; e < t.length; e++) {
    const d = t.detail(e);
    if (t.kind(e) === "state" && (d?.after?.length ?? 0) > 1 && (d?.before?.length ?? 0) <= 1) {
      anomalies.push({
        kind: "conflict",
        event: e,
        explain: `Concurrent writes to ${d.key} on ${t.actorId(t.actorOf(e))}: the replica keeps both as siblings.`,
        related: [e],
        key: d.key
      });
    }
  }
  anomalies.sort((a, b) => a.event - b.event);
  t.anomalies = anomalies;
  return t;
}

// webview/bench/timelineBench.ts
async function sendObject(page, name, value) {
  await page.evaluate((name2) => {
    const w = window;
    w.__bench ??= {};
    w.__bench[name2] = {};
  }, name);
  const piece = 12 << 20;
  for (const [field, v] of Object.entries(value)) {
    if (!ArrayBuffer.isView(v)) {
      await page.evaluate(
        ([name2, field2, v2]) => {
          window.__bench[name2][field2] = v2;
        },
        [name, field, v]
      );
      continue;
    }
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    await page.evaluate(() => {
      window.__benchParts = [];
    });
    for (let i = 0; i < bytes.length; i += piece)
      await page.evaluate(
        (b64) => {
          const s = atob(b64);
          const out = new Uint8Array(s.length);
          for (let j = 0; j < s.length; j++) out[j] = s.charCodeAt(j);
          window.__benchParts.push(out);
        },
        Buffer.from(bytes.subarray(i, i + piece)).toString("base64")
      );
    await page.evaluate(
      ({ name: name2, field: field2, type, byteLength }) => {
        const w = window;
        const all = new Uint8Array(byteLength);
        let at = 0;
        for (const p of w.__benchParts) {
          all.set(p, at);
          at += p.length;
        }
        w.__benchParts = [];
        const types = {
          Float64Array,
          Uint32Array,
          Int32Array,
          Uint16Array,
          Uint8Array
        };
        w.__bench[name2][field2] = new types[type](all.buffer);
      },
      { name, field, type: v.constructor.name, byteLength: bytes.length }
    );
  }
}
function timedLoad(page, name, expected) {
  return page.evaluate(
    ({ name: name2, expected: expected2 }) => new Promise((resolve, reject) => {
      const w = window;
      const app = w.timelineApp;
      const before = app.frames;
      performance.clearMeasures();
      performance.clearMarks();
      const started = performance.now();
      window.postMessage({ type: "load", transfer: w.__bench[name2] }, "*");
      const poll = () => {
        if (app.frames > before && app.trace) {
          const total = performance.now() - started;
          if (app.trace.length !== expected2)
            reject(new Error(`the view shows ${app.trace.length} events after loading ${expected2}`));
          const phases = {};
          const received = performance.getEntriesByName("timeline:load")[0];
          if (received) phases["message delivery"] = received.startTime - started;
          for (const m of performance.getEntriesByType("measure"))
            if (m.name.startsWith("timeline:")) phases[m.name.slice(9)] = m.duration;
          resolve({ total, phases });
        } else if (performance.now() - started > 12e4) reject(new Error("no frame within 120 s"));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }),
    { name, expected }
  );
}
function timedDetails(page, name) {
  return page.evaluate(
    (name2) => new Promise((resolve, reject) => {
      const w = window;
      const app = w.timelineApp;
      performance.clearMeasures();
      performance.clearMarks();
      const started = performance.now();
      window.postMessage({ type: "loadDetails", details: w.__bench[name2] }, "*");
      let frames = -1;
      const poll = () => {
        if (!app.detailsPending && frames < 0) frames = app.frames;
        if (frames >= 0 && app.frames > frames) {
          const phases = {};
          const received = performance.getEntriesByName("timeline:details")[0];
          if (received) phases["message delivery"] = received.startTime - started;
          for (const m of performance.getEntriesByType("measure"))
            if (m.name.startsWith("timeline:details")) phases[m.name.slice(9)] = m.duration;
          resolve({ total: performance.now() - started, phases });
        } else if (performance.now() - started > 12e4)
          reject(new Error("details not applied within 120 s"));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }),
    name
  );
}
function animate(page, kind, frames) {
  return page.evaluate(
    ({ kind: kind2, frames: frames2 }) => new Promise((resolve) => {
      const app = window.timelineApp;
      const stamps = [];
      const draws = [];
      let lastDrawn = app.frames;
      let k = 0;
      const step = (ts) => {
        stamps.push(ts);
        if (app.frames !== lastDrawn) {
          draws.push(app.lastFrameMs);
          lastDrawn = app.frames;
        }
        if (stamps.length > frames2) {
          const span = stamps[stamps.length - 1] - stamps[0];
          resolve({ fps: (stamps.length - 1) * 1e3 / span, draws });
          return;
        }
        const dir = Math.floor(k / 30) % 2 === 0 ? 1 : -1;
        if (kind2 === "pan") app.pan(dir * 7);
        else if (kind2 === "zoom") app.zoom(dir > 0 ? 1.02 : 1 / 1.02);
        k++;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }),
    { kind, frames }
  );
}
function showEvents(page, count) {
  return page.evaluate(async (count2) => {
    const app = window.timelineApp;
    const pos = app.layout.pos;
    const n = app.trace.length;
    const from = Math.floor(n / 3);
    const a = pos[from];
    const b = pos[Math.min(n - 1, from + count2)];
    const plot = app.view.width - 150;
    app.view.scale = plot / (b - a);
    app.view.start = a;
    app.requestRender();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return app.lastStats.inView;
  }, count);
}
var phaseList = (phases) => Object.entries(phases).filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(", ");
var percentile = (xs, p) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
function timeIt(runs, f) {
  let best = Number.POSITIVE_INFINITY;
  let first = 0;
  let value;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = f();
    const ms = performance.now() - started;
    if (i === 0) first = ms;
    best = Math.min(best, ms);
  }
  return { best, first, value };
}
var MB = (bytes) => bytes / 1e6;
function columnBytes(o, skip) {
  let n = 0;
  for (const v of Object.values(o)) if (ArrayBuffer.isView(v) && !skip.includes(v)) n += v.byteLength;
  return n;
}
function engineTrace() {
  const { scenario, family } = benchScenario();
  const trace = new Simulation(scenario, family).run().trace;
  return trace;
}
function hostParts(trace) {
  const made = timeIt(3, () => toTransferParts(trace));
  const written = timeIt(3, () => made.value.details());
  return {
    head: made.value.head,
    details: written.value,
    headMs: { best: made.best, first: made.first },
    detailsMs: written.best
  };
}
async function measurePaint(page, gc, label, events2, host, extraHostMs = 0) {
  await sendObject(page, "head", host.head);
  await sendObject(page, "details", host.details);
  await gc();
  const paint = await timedLoad(page, "head", events2);
  await nextFrame(page);
  const details = await timedDetails(page, "details");
  await nextFrame(page);
  await page.evaluate(() => {
    window.__bench = {};
  });
  const hostHeadMs = host.headMs.best + extraHostMs;
  const firstPaintMs = hostHeadMs + paint.total;
  return {
    trace: label,
    events: events2,
    headColumnsMB: MB(columnBytes(host.head, [host.head.meta])),
    headJsonMB: MB(host.head.meta.length),
    detailsMB: MB(host.details.meta.length),
    hostHeadMs,
    hostHeadFirstMs: host.headMs.first + extraHostMs,
    pageFirstPaintMs: paint.total,
    pagePhases: paint.phases,
    firstPaintMs,
    hostDetailsMs: host.detailsMs,
    pageDetailsMs: details.total,
    pageDetailsPhases: details.phases,
    detailsLoadedMs: firstPaintMs + host.detailsMs + details.total
  };
}
async function runTimelineBench(opts = {}) {
  const events2 = opts.events ?? 1e6;
  const frames = opts.frames ?? 120;
  const traces2 = opts.traces ?? ["synthetic", "engine", "file"];
  const log = opts.log ?? (() => {
  });
  const browser = await launchChromium();
  let h;
  const paints = [];
  let wholeTransfer;
  try {
    h = await openTimeline({ browser, width: 1280, height: 720 });
    const page = h.page;
    const cdp = await page.context().newCDPSession(page);
    const gc = () => cdp.send("HeapProfiler.collectGarbage");
    const small = syntheticTrace({ events: 2e3 });
    await measurePaint(page, gc, "warm-up", small.length, hostParts(small));
    let rates;
    {
      const synthetic = syntheticTrace({ events: events2, nodes: 5, clients: 3 });
      synthetic.compact();
      if (traces2.includes("synthetic")) {
        const host = hostParts(synthetic);
        log(`timeline bench: ${events2.toLocaleString("en")} synthetic events`);
        paints.push(await measurePaint(page, gc, "synthetic", events2, host));
      }
      if (opts.compareWhole ?? true) {
        const made = timeIt(3, () => toTransfer(synthetic));
        await sendObject(page, "whole", made.value);
        await gc();
        const t = await timedLoad(page, "whole", events2);
        await nextFrame(page);
        wholeTransfer = {
          hostMs: made.best,
          pageMs: t.total,
          phases: t.phases,
          jsonMB: MB(made.value.meta.length)
        };
        await page.evaluate(() => {
          window.__bench = {};
        });
      }
      await sendObject(page, "whole", toTransfer(synthetic));
      await timedLoad(page, "whole", events2);
      await page.evaluate(() => {
        window.__bench = {};
      });
      await gc();
      const heap2 = await cdp.send("Runtime.getHeapUsage");
      const inView3 = await showEvents(page, opts.inView ?? 1e5);
      const idle2 = await animate(page, "idle", frames);
      const pan2 = await animate(page, "pan", frames);
      const zoom2 = await animate(page, "zoom", frames);
      rates = { heap: heap2.usedSize, inView: inView3, idle: idle2, pan: pan2, zoom: zoom2 };
    }
    if (traces2.includes("engine") || traces2.includes("file")) {
      log("timeline bench: simulating the engine benchmark scenario");
      let engine = engineTrace();
      const engineEvents = engine.length;
      if (traces2.includes("engine"))
        paints.push(await measurePaint(page, gc, "engine run", engineEvents, hostParts(engine)));
      if (traces2.includes("file")) {
        const file = (0, import_node_path2.join)((0, import_node_os.tmpdir)(), `timeline-bench-${process.pid}.trace.json`);
        (0, import_node_fs2.writeFileSync)(file, traceToJson(engine));
        engine = void 0;
        globalThis.gc?.();
        try {
          const started = performance.now();
          const text2 = new TextDecoder().decode((0, import_node_fs2.readFileSync)(file));
          const read2 = performance.now();
          let parsed = readTrace(text2);
          const parseMs = performance.now() - read2;
          const jsonStarted = performance.now();
          JSON.parse(text2);
          const jsonParseMs = performance.now() - jsonStarted;
          const host = hostParts(parsed);
          parsed = void 0;
          const readMs = read2 - started;
          log(
            `timeline bench: ${(text2.length / 1e6).toFixed(0)} MB trace file read in ${readMs.toFixed(0)} ms, parsed in ${parseMs.toFixed(0)} ms`
          );
          const f = await measurePaint(page, gc, ".trace.json file", engineEvents, host, readMs + parseMs);
          f.hostReadMs = readMs;
          f.hostParseMs = parseMs;
          f.hostJsonParseMs = jsonParseMs;
          paints.push(f);
        } finally {
          (0, import_node_fs2.rmSync)(file, { force: true });
        }
      }
    }
    const { heap, inView: inView2, idle, pan, zoom } = rates;
    const draws = [...pan.draws, ...zoom.draws];
    if (h.problems.length) throw new Error(`the view reported errors: ${h.problems.join("; ")}`);
    const figures = {
      events: events2,
      paints,
      ...wholeTransfer ? { wholeTransfer } : {},
      eventsInView: inView2,
      idleFps: idle.fps,
      panFps: pan.fps,
      zoomFps: zoom.fps,
      frameDrawP50Ms: percentile(draws, 0.5),
      frameDrawP95Ms: percentile(draws, 0.95),
      heapMB: heap / 1e6
    };
    const lines = ["timeline: first paint (host + page), goal <= 2000 ms; then the details:"];
    for (const p of paints) {
      const host = p.hostReadMs !== void 0 ? `host ${p.hostHeadMs.toFixed(0)} ms (read ${p.hostReadMs.toFixed(0)} + parse ${p.hostParseMs.toFixed(0)} [JSON.parse alone ${p.hostJsonParseMs.toFixed(0)}] + head ${(p.hostHeadMs - p.hostReadMs - p.hostParseMs).toFixed(0)})` : `host ${p.hostHeadMs.toFixed(0)} ms (head; first call ${p.hostHeadFirstMs.toFixed(0)})`;
      lines.push(
        `  ${p.trace}, ${p.events.toLocaleString("en")} events: first paint ${p.firstPaintMs.toFixed(0)} ms = ${host} + page ${p.pageFirstPaintMs.toFixed(0)} ms (${phaseList(p.pagePhases)}); head ${p.headColumnsMB.toFixed(0)} MB columns + ${p.headJsonMB.toFixed(2)} MB JSON`,
        `    details (${p.detailsMB.toFixed(0)} MB JSON): host writes ${p.hostDetailsMs.toFixed(0)} ms, page takes ${p.pageDetailsMs.toFixed(0)} ms (${phaseList(p.pageDetailsPhases)}); all loaded ${p.detailsLoadedMs.toFixed(0)} ms after the start`
      );
    }
    if (wholeTransfer)
      lines.push(
        `  before (one transfer, synthetic): ${(wholeTransfer.hostMs + wholeTransfer.pageMs).toFixed(0)} ms = host toTransfer ${wholeTransfer.hostMs.toFixed(0)} + page ${wholeTransfer.pageMs.toFixed(0)} (${phaseList(wholeTransfer.phases)}; ${wholeTransfer.jsonMB.toFixed(0)} MB JSON)`
      );
    lines.push(
      `timeline: ${figures.eventsInView.toLocaleString("en")} events in view, goal >= 60 fps: pan ${figures.panFps.toFixed(1)} fps, zoom ${figures.zoomFps.toFixed(1)} fps (idle page ${figures.idleFps.toFixed(1)} fps); draw per frame p50 ${figures.frameDrawP50Ms.toFixed(2)} ms, p95 ${figures.frameDrawP95Ms.toFixed(2)} ms`,
      `timeline: JS heap with the trace loaded ${figures.heapMB.toFixed(0)} MB`
    );
    return { lines, figures };
  } finally {
    await h?.close();
    await browser.close();
  }
}

// webview/bench/run.ts
var events = Number(process.argv[2] ?? 1e6);
var inView = Number(process.argv[3] ?? 1e5);
var traces = (process.argv[4] ?? "synthetic,engine,file").split(",").filter((t) => t === "synthetic" || t === "engine" || t === "file");
var compareWhole = (process.argv[5] ?? "whole") === "whole";
runTimelineBench({ events, inView, traces, compareWhole, log: (l) => console.log(l) }).then(({ lines }) => {
  for (const l of lines) console.log(l);
}).catch((e) => {
  console.error(`timeline bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});

// Hotpath's flame graphs: the submission's profile beside the starter's, for CPU, allocation and
// waiting, with zoom (click a frame), search (highlights matching frames and sums their share),
// hover details and a "what changed" list. Used by the result page (which fetches the profile from
// data-profile-url) and by the grader's self-contained HTML file (which embeds it as JSON).
// No inline script and no library: it only builds DOM nodes, so the strict CSP holds.
(function () {
  'use strict';
  const container = document.getElementById('profiles');
  if (!container) {
    return;
  }
  const ROW = 18;
  const MIN_WIDTH = 0.0005; // of the zoomed frame: narrower frames are left out, like their children
  const VIEWS = [
    {id: 'CPU', label: 'CPU'},
    {id: 'ALLOCATION', label: 'Allocation'},
    {id: 'WAITING', label: 'Waiting'}
  ];
  const UNITS = {CPU: 'samples', ALLOCATION: 'bytes', WAITING: 'µs'};
  const DESCRIPTIONS = {
    CPU: 'Where your threads run Java code: each frame is as wide as the share of CPU samples that had it on the stack.',
    ALLOCATION: 'What allocates memory: sampled allocations weighted by size; the top frames name the allocated type.',
    WAITING: 'Where threads wait instead of running: blocked on a monitor, parked or sleeping (1 ms and longer).'
  };
  const status = container.querySelector('.profile-status');
  const embedded = document.getElementById('hotpath-profile-data');

  if (embedded) {
    start(JSON.parse(embedded.textContent));
  } else if (container.dataset.profileUrl) {
    fetch(container.dataset.profileUrl, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the server answered ' + response.status);
        }
        return response.json();
      })
      .then(start)
      .catch(function (error) {
        say('The profiles could not be loaded: ' + error.message + '.');
      });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function percent(share) {
    return (share * 100).toFixed(share >= 0.1 ? 1 : 2) + '%';
  }

  /** "dev.hotpath.cachekey.origin.Origin.render" -> "Origin.render": the class and method. */
  function shortName(name) {
    if (name.charAt(0) === '[' || name.charAt(0) === '(' || name.indexOf('new ') === 0) {
      return name;
    }
    const parts = name.split('.');
    for (let i = 0; i < parts.length - 1; i++) {
      if (/^[A-Z]/.test(parts[i])) {
        return parts.slice(i).join('.');
      }
    }
    return name;
  }

  function tree(graph) {
    const root = {name: 'all', value: 0, children: new Map(), parent: null, depth: 0};
    let depth = 0;
    graph.stacks.forEach(function (stack) {
      root.value += stack.weight;
      let node = root;
      stack.path.forEach(function (index) {
        const name = graph.frames[index];
        let child = node.children.get(name);
        if (!child) {
          child = {name: name, value: 0, children: new Map(), parent: node, depth: node.depth + 1};
          node.children.set(name, child);
        }
        child.value += stack.weight;
        depth = Math.max(depth, child.depth);
        node = child;
      });
    });
    root.maxDepth = depth;
    return root;
  }

  function kind(name, yours) {
    if (name.charAt(0) === '[' || name.indexOf('new ') === 0) {
      return 'frame-what';
    }
    const owner = name.substring(0, name.lastIndexOf('.'));
    if (yours.has(owner) || yours.has(owner.split('$')[0])) {
      return 'frame-yours';
    }
    if (/^(java|javax|jdk|sun|com\.sun)\./.test(name)) {
      return 'frame-jdk';
    }
    return name === 'all' ? 'frame-root' : 'frame-exercise';
  }

  /** One flame graph: root at the bottom, callees above their callers. */
  function FlameGraph(host, graph, side, yours, onHover) {
    this.host = host;
    this.graph = graph;
    this.side = side;
    this.root = tree(graph);
    this.zoomed = this.root;
    this.query = '';
    this.yours = yours;
    this.onHover = onHover;
  }

  FlameGraph.prototype.draw = function () {
    const self = this;
    const host = this.host;
    host.textContent = '';
    if (this.root.value === 0) {
      host.appendChild(element('p', 'flame-empty', this.graph.view === 'WAITING'
        ? 'No waits of 1 ms or longer in the exercise\'s code.' : 'No samples in the exercise\'s code.'));
      host.style.height = '';
      return;
    }
    host.style.height = ((this.root.maxDepth + 1) * ROW) + 'px';
    const zoomed = this.zoomed;
    // The zoomed frame's callers span the full width, dimmed.
    for (let caller = zoomed.parent; caller; caller = caller.parent) {
      host.appendChild(this.frame(caller, 0, 1, true));
    }
    (function place(node, left, width) {
      host.appendChild(self.frame(node, left, width, false));
      let offset = left;
      node.children.forEach(function (child) {
        const childWidth = width * child.value / node.value;
        if (childWidth >= MIN_WIDTH) {
          place(child, offset, childWidth);
        }
        offset += childWidth;
      });
    })(zoomed, 0, 1);
    host.setAttribute('data-zoomed', zoomed.name);
  };

  FlameGraph.prototype.frame = function (node, left, width, dimmed) {
    const self = this;
    const total = this.root.value;
    const box = element('div', 'frame ' + kind(node.name, this.yours) + (dimmed ? ' frame-caller' : ''));
    box.style.left = (left * 100) + '%';
    box.style.width = (width * 100) + '%';
    box.style.bottom = (node.depth * ROW) + 'px';
    box.setAttribute('data-frame', node.name);
    const share = node.value / total;
    const label = node.name === 'all'
      ? 'all of the exercise\'s code (' + percent(node.value / this.graph.total) + ' of what was recorded; the rest is the harness)'
      : node.name;
    box.title = label + ' — ' + percent(share) + ' (' + node.value.toLocaleString('en-US') + ' ' + UNITS[this.graph.view] + ')';
    if (width > 0.02) {
      box.appendChild(element('span', 'frame-label', node.name === 'all' ? 'all' : shortName(node.name)));
    }
    if (this.query && node.name.toLowerCase().indexOf(this.query) >= 0) {
      box.classList.add('match');
    }
    box.addEventListener('mouseenter', function () {
      self.onHover(box.title);
    });
    box.addEventListener('click', function () {
      self.zoomed = node === self.zoomed ? self.root : node;
      self.draw();
    });
    return box;
  };

  /** Highlights frames containing the query; returns the share of the view under matching frames. */
  FlameGraph.prototype.search = function (query) {
    this.query = query.toLowerCase();
    this.host.querySelectorAll('.frame').forEach(function (box) {
      const match = this.query !== '' && box.getAttribute('data-frame').toLowerCase().indexOf(this.query) >= 0;
      box.classList.toggle('match', match);
    }, this);
    if (!this.query || this.root.value === 0) {
      return 0;
    }
    const q = this.query;
    let matched = 0;
    (function walk(node) {
      if (node.name !== 'all' && node.name.toLowerCase().indexOf(q) >= 0) {
        matched += node.value; // counted once, at the matching frame nearest the root
        return;
      }
      node.children.forEach(walk);
    })(this.root);
    return matched / this.root.value;
  };

  function start(profile) {
    if (!profile || !profile.starter || !profile.submission) {
      say('This submission has no profile.');
      return;
    }
    say('');
    const yours = new Set(profile.yourClasses || []);
    const toolbar = element('div', 'profile-toolbar');
    const tabs = element('div', 'profile-tabs');
    tabs.setAttribute('role', 'tablist');
    const search = element('input', 'profile-search');
    search.type = 'search';
    search.id = 'profile-search';
    search.placeholder = 'Search frames, e.g. HashMap.resize';
    search.setAttribute('aria-label', 'Search frames');
    const reset = element('button', 'profile-reset', 'Reset zoom');
    reset.type = 'button';
    toolbar.append(tabs, search, reset);
    const legend = element('p', 'profile-legend');
    [['frame-yours', 'your classes'], ['frame-exercise', 'the exercise\'s classes'], ['frame-jdk', 'the JDK'],
      ['frame-what', 'what was allocated or waited on'], ['match', 'search match']].forEach(function (entry) {
      legend.appendChild(element('span', 'frame-key ' + entry[0], entry[1]));
    });
    const description = element('p', 'profile-description');
    const pair = element('div', 'flame-pair');
    const detail = element('p', 'flame-detail', 'Hover over a frame for its share; click to zoom in, click again to zoom out.');
    const searchResult = element('p', 'flame-search-result');
    const changes = element('section', 'what-changed');
    container.append(toolbar, legend, description, pair, detail, searchResult, changes);

    let current = null;
    let graphs = [];

    function show(viewId) {
      current = viewId;
      tabs.querySelectorAll('button').forEach(function (tab) {
        tab.setAttribute('aria-selected', String(tab.getAttribute('data-view') === viewId));
      });
      description.textContent = DESCRIPTIONS[viewId];
      pair.textContent = '';
      graphs = [['starter', 'Starter', profile.starter], ['submission', 'Yours', profile.submission]].map(function (entry) {
        const graph = entry[2].graphs.find(function (g) {
          return g.view === viewId;
        });
        const figure = element('figure', 'flame');
        figure.setAttribute('data-side', entry[0]);
        const caption = element('figcaption', null, entry[1] + ' — ' + (graph.total - graph.excluded).toLocaleString('en-US')
          + ' ' + UNITS[viewId] + ' in the exercise\'s code');
        const host = element('div', 'flame-graph');
        host.id = 'flame-' + entry[0];
        figure.append(caption, host);
        pair.appendChild(figure);
        const flame = new FlameGraph(host, graph, entry[0], yours, function (text) {
          detail.textContent = entry[1] + ': ' + text;
        });
        flame.draw();
        return flame;
      });
      applySearch();
      listChanges();
    }

    function applySearch() {
      const query = search.value.trim();
      const shares = graphs.map(function (graph) {
        return graph.search(query);
      });
      searchResult.textContent = query === '' ? ''
        : '"' + query + '": ' + percent(shares[0]) + ' of the starter\'s ' + current.toLowerCase() + ' view, '
          + percent(shares[1]) + ' of yours.';
    }

    function listChanges() {
      changes.textContent = '';
      changes.appendChild(element('h3', null, 'What changed'));
      const moved = (profile.changes || []).filter(function (change) {
        return change.view === current;
      });
      if (moved.length === 0) {
        changes.appendChild(element('p', null, 'No frame\'s share moved by five percentage points or more: smaller moves are within the noise of two short recordings.'));
        return;
      }
      const list = element('ol', 'changes');
      moved.forEach(function (change) {
        const item = element('li');
        const find = element('button', 'change-frame', shortName(change.frame));
        find.type = 'button';
        find.title = 'Search for ' + change.frame;
        find.addEventListener('click', function () {
          search.value = shortName(change.frame);
          applySearch();
        });
        const points = (change.submissionShare - change.starterShare) * 100;
        item.append(find, document.createTextNode(': ' + percent(change.starterShare) + ' → '
          + percent(change.submissionShare) + ' (' + (points > 0 ? '+' : '−') + Math.abs(points).toFixed(1) + ' points)'));
        list.appendChild(item);
      });
      changes.appendChild(list);
    }

    VIEWS.forEach(function (view) {
      const tab = element('button', 'profile-tab', view.label);
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('data-view', view.id);
      tab.addEventListener('click', function () {
        show(view.id);
      });
      tabs.appendChild(tab);
    });
    search.addEventListener('input', applySearch);
    reset.addEventListener('click', function () {
      graphs.forEach(function (graph) {
        graph.zoomed = graph.root;
        graph.draw();
      });
      applySearch();
    });
    show('CPU');
  }
})();

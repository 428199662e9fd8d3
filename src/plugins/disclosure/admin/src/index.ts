export default {
  register(app: any) {
    app.registerPlugin({ id: 'disclosure', name: 'disclosure' });
  },
};
